package org.kinlink.journeys;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged application (the jar built in {@code package}) in its own process for the browser
 * journeys: demo profile (demo users and data, no second factor), a free port, and always its own
 * fresh embedded database under {@code target/journeys-db} — also when {@code KINLINK_DB_URL} is
 * set for the rest of the build, so the journeys never touch a shared database. Started once for
 * all journeys of a run and stopped when the test JVM ends (also after a failure).
 */
final class PackagedApp {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static PackagedApp running;

    private final Process process;
    private final String baseUrl;
    private final Path logFile;

    private PackagedApp(Process process, String baseUrl, Path logFile) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.logFile = logFile;
    }

    static synchronized PackagedApp get() {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "stop-kinlink-journeys-app"));
        }
        return running;
    }

    String url(String path) {
        return baseUrl + path;
    }

    private static PackagedApp start() {
        Path jar = Path.of(System.getProperty("kinlink.journeys.jar", "target/kinlink-0.1.0-SNAPSHOT.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "The packaged jar " + jar + " is missing: run ./mvnw verify (package first)");
        }
        Path target = jar.toAbsolutePath().getParent();
        Path dataDir = target.resolve("journeys-db");
        Path outDir = Journeys.outputDir();
        try {
            deleteTree(dataDir);
            deleteTree(outDir); // screenshots of an earlier run
            Files.createDirectories(dataDir);
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = freePort();
        Path logFile = outDir.resolve("app.log");
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(
                        java,
                        "-Xmx768m",
                        "-jar",
                        jar.toAbsolutePath().toString(),
                        "--spring.profiles.active=demo",
                        "--server.port=" + port,
                        "--server.address=127.0.0.1")
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        var env = builder.environment();
        // always the journeys' own fresh embedded database, never the server of CI's second run
        env.remove("KINLINK_DB_URL");
        env.remove("KINLINK_DB_USER");
        env.remove("KINLINK_DB_PASSWORD");
        env.remove("KINLINK_KEYSET");
        env.remove("PORT");
        env.put("KINLINK_DATA_DIR", dataDir.toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var app = new PackagedApp(process, "http://127.0.0.1:" + port, logFile);
        try {
            app.awaitReady();
        } catch (RuntimeException e) {
            app.stop();
            throw e;
        }
        return app;
    }

    private void awaitReady() {
        var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "The application stopped during start-up (exit " + process.exitValue() + "); see " + logFile);
            }
            try {
                var response = client.send(
                        HttpRequest.newBuilder(URI.create(url("/login")))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                // Tomcat answers before the application runners have run: wait for the last demo
                // runner too (the letters, with their PDFs), or journeys see an empty letters list
                if (response.statusCode() == 200 && demoSeeded()) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the application", e);
            }
            sleep(500);
        }
        throw new IllegalStateException("The application did not answer within " + START_TIMEOUT + "; see " + logFile);
    }

    private boolean demoSeeded() {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8).contains("org.kinlink.demo.DemoLetters");
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGTERM first so that Spring stops the embedded MariaDB; then force, children included. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        var children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
