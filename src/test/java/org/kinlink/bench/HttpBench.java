package org.kinlink.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signed-in users over real HTTP on loopback: the Spring Security form post, then Vaadin's own
 * navigation request ({@code ?v-r=init&location=...}), which builds the UI and the view on the
 * server exactly as a browser's first load of a page does. No browser: the figures are the server's.
 */
final class HttpBench {

    interface Rows {
        void row(String area, String what, String p50, String p95, String other);
    }

    private final int port;
    private final List<KinlinkBenchmark.BenchTeam> teams;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    private final List<String> references;

    HttpBench(int port, ApplicationContext context, List<KinlinkBenchmark.BenchTeam> teams) {
        this.port = port;
        this.teams = teams;
        var jdbc = context.getBean(JdbcClient.class);
        this.references = new ArrayList<>();
        for (var team : teams) {
            references.add(jdbc.sql("SELECT reference FROM case_file WHERE team_id = ? ORDER BY id DESC LIMIT 1")
                    .param(team.id())
                    .query(String.class)
                    .single());
        }
        jdbc.sql("DELETE FROM sign_in_throttle").update();
    }

    /** A signed-in browser: its session cookie and its team's most recent case. */
    record Session(String cookie, String reference) {}

    Session signIn(int i) throws Exception {
        var team = teams.get(i % teams.size());
        String form = "username=" + URLEncoder.encode(team.caseworker().getUsername(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(BenchAccounts.PASSWORD, StandardCharsets.UTF_8);
        var response = client.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        String location = response.headers().firstValue("Location").orElse("");
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no session cookie after sign-in"));
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in refused: " + response.statusCode() + " " + location);
        }
        return new Session(cookie, references.get(i % references.size()));
    }

    /** Vaadin's navigation request for a route; true when the server built the view. */
    boolean open(Session session, String route) throws Exception {
        var response = client.send(
                HttpRequest.newBuilder(uri(
                                "/?v-r=init&location=" + URLEncoder.encode(route, StandardCharsets.UTF_8) + "&query="))
                        .header("Cookie", session.cookie())
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && response.body().contains("\"changes\"");
    }

    void sessionMemory(int sessions, Rows rows) throws Exception {
        var memory = ManagementFactory.getMemoryMXBean();
        var warm = signIn(0);
        browse(warm);
        long before = liveHeap(memory);
        var held = new ArrayList<Session>();
        int failures = 0;
        for (int i = 0; i < sessions; i++) {
            var session = signIn(i);
            failures += browse(session);
            held.add(session);
        }
        long after = liveHeap(memory);
        rows.row(
                "memory per session",
                sessions + " signed-in sessions, each opened cases, a case, people",
                "",
                "",
                String.format(
                        "%,.0f KB per session (live heap %,d MB -> %,d MB after GC)%s",
                        (after - before) / 1024.0 / sessions,
                        before >> 20,
                        after >> 20,
                        failures == 0 ? "" : ", " + failures + " page loads failed"));
    }

    private int browse(Session session) throws Exception {
        int failures = 0;
        for (String route : List.of("cases", "cases/" + session.reference(), "people")) {
            failures += open(session, route) ? 0 : 1;
        }
        return failures;
    }

    private static long liveHeap(java.lang.management.MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Users signed in at once, each loading a page, thinking 1–3 s, loading the next, for a while. */
    void concurrentUsers(int users, int seconds, Rows rows) throws Exception {
        var sessions = new ArrayList<Session>();
        for (int i = 0; i < users; i++) {
            sessions.add(signIn(i));
        }
        var times = new ConcurrentLinkedQueue<Long>();
        var errors = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int u = 0; u < users; u++) {
                Session session = sessions.get(u);
                int user = u;
                executor.submit(() -> {
                    var random = new java.util.Random(user);
                    List<String> routes = List.of("cases", "cases/" + session.reference(), "people", "");
                    int step = 0;
                    while (System.nanoTime() < end) {
                        try {
                            Thread.sleep(1000 + random.nextInt(2000));
                            long start = System.nanoTime();
                            boolean ok = open(session, routes.get(step++ % routes.size()));
                            times.add(System.nanoTime() - start);
                            if (!ok) {
                                errors.incrementAndGet();
                            }
                        } catch (InterruptedException e) {
                            return;
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                });
            }
        }
        var list = new ArrayList<>(times);
        Collections.sort(list);
        long[] values = list.stream().mapToLong(Long::longValue).toArray();
        rows.row(
                "concurrent users",
                users + " signed-in users for " + seconds + " s, page load every 1-3 s (v-r=init)",
                KinlinkBenchmark.ms(KinlinkBenchmark.percentile(values, 50)),
                KinlinkBenchmark.ms(KinlinkBenchmark.percentile(values, 95)),
                String.format(
                        "%,d requests, %,d errors, %.0f req/s",
                        values.length, errors.get(), values.length / (double) seconds));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
