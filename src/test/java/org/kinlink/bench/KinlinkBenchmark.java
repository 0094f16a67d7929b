package org.kinlink.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kinlink.Roles;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.audit.AuditTrail;
import org.kinlink.cases.CaseFilter;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.CaseSort;
import org.kinlink.cases.CaseStatus;
import org.kinlink.crypto.BlindIndex;
import org.kinlink.crypto.FieldBinding;
import org.kinlink.crypto.FieldCipher;
import org.kinlink.crypto.KeyRing;
import org.kinlink.people.PersonService;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The benchmarks of issue 6 (run with {@code ./mvnw -B -o -Pbench test}, never in {@code verify}):
 * fills the database named by {@code KINLINK_DB_URL} with generated data when it holds less than
 * asked for, then measures and prints a table (also written to {@code target/benchmarks.md}).
 * Figures are printed, never asserted: the goals are judged in docs/benchmarks.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class KinlinkBenchmark {

    static final long SEED = 2026;
    static final int PAGE = 25;

    @Autowired
    ApplicationContext context;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private final List<String[]> table = new ArrayList<>();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void measure() throws Exception {
        int persons = Integer.getInteger("bench.persons", 1_000_000);
        ensureData(persons);
        if (Boolean.getBoolean("bench.generateOnly")) {
            print();
            return;
        }
        List<BenchTeam> teams = teams();
        System.out.printf(
                "Benchmark data: %,d persons, %,d cases, %,d correspondence entries, %,d letters, %,d audit events,"
                        + " %d teams%n",
                count("person"),
                count("case_file"),
                count("correspondence_entry"),
                count("letter"),
                count("audit_event"),
                teams.size());

        // -Dbench.only=nameSearch,casesList,... runs only those parts (default: all)
        Set<String> only = Set.of(System.getProperty("bench.only", "").split(","));
        java.util.function.Predicate<String> runs = part -> only.contains("") || only.contains(part);
        if (runs.test("nameSearch")) {
            nameSearch(teams);
        }
        if (runs.test("casesList")) {
            casesList(teams);
        }
        if (runs.test("caseDetail")) {
            caseDetail(teams);
        }
        if (runs.test("auditOverhead")) {
            auditOverhead(teams);
        }
        if (!Boolean.getBoolean("bench.skipHttp") && runs.test("http")) {
            var http = new HttpBench(port, context, teams);
            http.sessionMemory(Integer.getInteger("bench.sessions", 100), this::row);
            http.concurrentUsers(
                    Integer.getInteger("bench.users", 200), Integer.getInteger("bench.seconds", 60), this::row);
        }
        print();
    }

    // ---------------------------------------------------------------- data

    record BenchTeam(long id, KinlinkUser caseworker) {}

    private void ensureData(int persons) throws Exception {
        long existing = count("person");
        if (existing >= persons * 9L / 10) {
            System.out.printf("Reusing %,d persons already in the database%n", existing);
        } else {
            generatePersons(persons, existing);
        }
        ensureLetters(persons / 20);
    }

    private void generatePersons(int persons, long existing) throws Exception {
        var teams = BenchAccounts.team(context, 10);
        var generator = new DataGenerator(
                dataSource,
                context.getBean(FieldCipher.class),
                context.getBean(BlindIndex.class),
                context.getBean(KeyRing.class),
                line -> System.out.println("[generator] " + line));
        // tops up a database that holds fewer persons than asked for (the generated teams add up)
        var counts = generator.generate(DataGenerator.Scale.of((int) (persons - existing)), teams, SEED + existing);
        String line = String.format(
                "Generated %,d persons, %,d cases, %,d entries, %,d audit events in %.0f s",
                counts.persons(), counts.cases(), counts.entries(), counts.auditEvents(), counts.seconds());
        System.out.println(line);
        row(
                "generation",
                "persons + cases + entries + audit, rows/s (excl. name keys)",
                String.format(
                        "%,.0f",
                        (counts.persons() + counts.cases() + counts.entries() + counts.auditEvents())
                                / counts.seconds()),
                "",
                "");
    }

    /**
     * Tops up the letters to {@code wanted} (0.05 × persons), independent of the persons: a database
     * filled before the letter generator existed gets its letters without regenerating the rest.
     */
    private void ensureLetters(int wanted) throws Exception {
        long existing = count("letter");
        if (existing >= wanted * 9L / 10) {
            System.out.printf("Reusing %,d letters already in the database%n", existing);
            return;
        }
        var teams = teams().stream()
                .map(t -> new DataGenerator.Team(
                        t.id(), t.caseworker().id(), t.caseworker().getUsername()))
                .toList();
        var coordinator = BenchAccounts.user(context, "bench-co", Set.of(Roles.COORDINATOR), Set.of());
        var counts = letterGenerator(context, line -> System.out.println("[generator] " + line))
                .generate(
                        (int) (wanted - existing),
                        teams,
                        new LetterGenerator.Coordinator(coordinator.id(), coordinator.getUsername()),
                        SEED + existing);
        System.out.printf(
                "Generated %,d letters (%,d institutions, %,d audit events) in %.0f s%n",
                counts.letters(), counts.institutions(), counts.auditEvents(), counts.seconds());
        row(
                "generation",
                "letters with cases, register, history, audit: letters/s",
                String.format("%,.0f", counts.letters() / counts.seconds()),
                "",
                "");
    }

    /** The letter generator with the application's own working days and follow-up periods. */
    static LetterGenerator letterGenerator(ApplicationContext context, java.util.function.Consumer<String> progress) {
        var env = context.getEnvironment();
        int fallback = env.getProperty("kinlink.letters.follow-up-days.default", Integer.class, 20);
        return new LetterGenerator(
                context.getBean(DataSource.class),
                context.getBean(FieldCipher.class),
                context.getBean(KeyRing.class),
                context.getBean(org.kinlink.letters.WorkingDays.class),
                type -> env.getProperty("kinlink.letters.follow-up-days." + type.name(), Integer.class, fallback),
                progress);
    }

    private List<BenchTeam> teams() {
        return jdbc.sql("""
                        SELECT m.team_id, u.username FROM team_membership m JOIN app_user u ON u.id = m.user_id
                        WHERE u.username LIKE 'bench-cw-%' AND EXISTS (SELECT 1 FROM person p WHERE p.team_id = m.team_id)
                        ORDER BY m.team_id""")
                .query((rs, n) -> new BenchTeam(rs.getLong(1), TestAccounts.load(context, rs.getString(2))))
                .list();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    // ---------------------------------------------------------------- name search

    private void nameSearch(List<BenchTeam> teams) {
        var people = context.getBean(PersonService.class);
        var cipher = context.getBean(FieldCipher.class);
        int n = Integer.getInteger("bench.queries", 300);
        record Labelled(long personId, long teamId, String query, String given, String family) {}
        var random = new Random(SEED);
        long maxId = jdbc.sql("SELECT MAX(id) FROM person").query(Long.class).single();
        var labelled = new ArrayList<Labelled>();
        while (labelled.size() < n) {
            long id = 1 + (long) (random.nextDouble() * maxId);
            var row = jdbc.sql("""
                            SELECT id, team_id, given_latin, family_latin, father_latin, given_native, family_native,
                              father_native, birth_date_enc, row_key, sex FROM person WHERE id >= ? AND merged_into_id IS NULL
                            ORDER BY id LIMIT 1""")
                    .param(id)
                    .query((rs, i) -> new Object[] {
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getString(11)
                    })
                    .optional()
                    .orElse(null);
            if (row == null || row[2] == null) {
                continue;
            }
            String given = PersianNames.CANONICAL.get(((String) row[2]).toLowerCase(Locale.ROOT));
            String family = PersianNames.CANONICAL.get(((String) row[3]).toLowerCase(Locale.ROOT));
            String father = PersianNames.CANONICAL.get(((String) row[4]).toLowerCase(Locale.ROOT));
            if (given == null || family == null || father == null) {
                continue; // not a generated person
            }
            String birth =
                    cipher.decrypt((String) row[8], new FieldBinding("person", "birth_date_enc", (String) row[9]));
            String year = birth == null ? "" : " " + birth.substring(0, 4);
            var g = PersianNames.BY_CANONICAL.get(given);
            var f = PersianNames.BY_CANONICAL.get(family);
            var fa = PersianNames.BY_CANONICAL.get(father);
            String query = switch (labelled.size() % 3) {
                // another Latin spelling, father's name and year of birth, as an enquirer would give them
                case 0 ->
                    other(g.latin(), (String) row[2], random) + " " + other(f.latin(), (String) row[3], random)
                            + ("FEMALE".equals(row[10]) ? " daughter of " : " son of ")
                            + other(fa.latin(), (String) row[4], random) + year;
                // Persian script
                case 1 -> g.nativeScript() + " " + f.nativeScript() + " فرزند " + fa.nativeScript() + year;
                // family name first, with a comma, another spelling
                default ->
                    other(f.latin(), (String) row[3], random) + ", " + other(g.latin(), (String) row[2], random)
                            + " son of " + other(fa.latin(), (String) row[4], random) + year;
            };
            labelled.add(new Labelled((Long) row[0], (Long) row[1], query, given, family));
        }
        Map<Long, BenchTeam> byTeam = new HashMap<>();
        teams.forEach(t -> byTeam.put(t.id(), t));
        // warm-up
        for (int i = 0; i < Math.min(50, labelled.size()); i++) {
            var l = labelled.get(i);
            TestAccounts.signIn(byTeam.get(l.teamId()).caseworker());
            people.search(l.query(), 10);
        }
        long[] times = new long[labelled.size()];
        int found = 0;
        int[] foundByPhrasing = new int[3];
        int[] byPhrasing = new int[3];
        double precision = 0;
        for (int i = 0; i < labelled.size(); i++) {
            var l = labelled.get(i);
            TestAccounts.signIn(byTeam.get(l.teamId()).caseworker());
            long start = System.nanoTime();
            var results = people.search(l.query(), 10);
            times[i] = System.nanoTime() - start;
            byPhrasing[i % 3]++;
            if (results.stream().anyMatch(m -> m.person().id().value() == l.personId())) {
                found++;
                foundByPhrasing[i % 3]++;
            }
            if (!results.isEmpty()) {
                long relevant = results.stream()
                        .filter(m -> l.given()
                                        .equals(canonical(m.person().names().givenLatin()))
                                && l.family()
                                        .equals(canonical(m.person().names().familyLatin())))
                        .count();
                precision += (double) relevant / results.size();
            }
        }
        row(
                "name search",
                labelled.size() + " labelled queries (3 phrasings), top 10",
                ms(percentile(times, 50)),
                ms(percentile(times, 95)),
                String.format(
                        "recall@10 %.3f (other Latin spelling %.2f, Persian script %.2f, \"family, given\" %.2f),"
                                + " precision@10 %.3f",
                        (double) found / labelled.size(),
                        (double) foundByPhrasing[0] / byPhrasing[0],
                        (double) foundByPhrasing[1] / byPhrasing[1],
                        (double) foundByPhrasing[2] / byPhrasing[2],
                        precision / labelled.size()));
    }

    private static String canonical(String latin) {
        return latin == null ? "" : PersianNames.CANONICAL.getOrDefault(latin.toLowerCase(Locale.ROOT), latin);
    }

    private static String other(List<String> spellings, String used, Random random) {
        var others = spellings.stream().filter(s -> !s.equals(used)).toList();
        return others.isEmpty() ? used : others.get(random.nextInt(others.size()));
    }

    // ---------------------------------------------------------------- cases list and detail

    private void casesList(List<BenchTeam> teams) {
        var cases = context.getBean(CaseService.class);
        var any = CaseFilter.any();
        int runs = Integer.getInteger("bench.runs", 200);
        // a coordinator sees the cases of every team: the whole table, the hardest case for deep pages
        TestAccounts.signIn(BenchAccounts.user(context, "bench-co", Set.of(Roles.COORDINATOR), Set.of()));
        timed(
                "cases list",
                "coordinator (all teams): first page (25), recently changed",
                runs,
                () -> cases.list(any, CaseSort.RECENTLY_CHANGED, 0, PAGE),
                "");
        // page 1,000 as scrolling reaches it: continued after the last row of page 999 (keyset)
        var page999 = cases.list(any, CaseSort.RECENTLY_CHANGED, 998 * PAGE, PAGE);
        var afterPage999 = org.kinlink.cases.CaseCursor.after(page999.getLast());
        timed(
                "cases list",
                "coordinator: page 1,000, keyset after page 999 (scrolling)",
                runs,
                () -> cases.listAfter(any, CaseSort.RECENTLY_CHANGED, afterPage999, PAGE),
                "");
        timed(
                "cases list",
                "coordinator: page 1,000 by offset 24,975 (a jump; for comparison)",
                runs,
                () -> cases.list(any, CaseSort.RECENTLY_CHANGED, 999 * PAGE, PAGE),
                "");
        var open = new CaseFilter(Set.of(CaseStatus.TRACING, CaseStatus.INTAKE), null, null, Set.of(), null);
        timed(
                "cases list",
                "coordinator: filtered, status TRACING or INTAKE",
                runs,
                () -> cases.list(open, CaseSort.RECENTLY_CHANGED, 0, PAGE),
                "");
        var byName = new CaseFilter(Set.of(), null, null, Set.of(), "Husseini");
        timed(
                "cases list",
                "coordinator: filtered, party name \"Husseini\"",
                Math.max(20, runs / 4),
                () -> cases.list(byName, CaseSort.RECENTLY_CHANGED, 0, PAGE),
                "");
        BenchTeam team = teams.getFirst();
        TestAccounts.signIn(team.caseworker());
        timed(
                "cases list",
                "caseworker (own team): first page",
                runs,
                () -> cases.list(any, CaseSort.RECENTLY_CHANGED, 0, PAGE),
                "");
        var page199 = cases.list(any, CaseSort.RECENTLY_CHANGED, 198 * PAGE, PAGE);
        var afterPage199 = org.kinlink.cases.CaseCursor.after(page199.getLast());
        timed(
                "cases list",
                "caseworker: page 200, keyset after page 199 (scrolling)",
                runs,
                () -> cases.listAfter(any, CaseSort.RECENTLY_CHANGED, afterPage199, PAGE),
                "");
        timed(
                "cases list",
                "caseworker: page 200 by offset 4,975 (a jump; for comparison)",
                runs,
                () -> cases.list(any, CaseSort.RECENTLY_CHANGED, 199 * PAGE, PAGE),
                "");
    }

    private void caseDetail(List<BenchTeam> teams) {
        var cases = context.getBean(CaseService.class);
        BenchTeam team = teams.getFirst();
        TestAccounts.signInConfirmed(team.caseworker());
        List<String> references =
                jdbc.sql("""
                        SELECT reference FROM case_file WHERE team_id = ? ORDER BY id DESC LIMIT 500""").param(team.id()).query(String.class).list();
        for (int i = 0; i < 50; i++) {
            cases.open(references.get(i % references.size()));
        }
        long[] statements = new long[references.size()];
        long[] times = new long[references.size()];
        for (int i = 0; i < references.size(); i++) {
            StatementCounter.reset();
            long start = System.nanoTime();
            cases.open(references.get(i));
            times[i] = System.nanoTime() - start;
            statements[i] = StatementCounter.count();
        }
        java.util.Arrays.sort(statements);
        row(
                "case detail",
                "CaseService.open, " + references.size() + " different cases",
                ms(percentile(times, 50)),
                ms(percentile(times, 95)),
                "SQL statements per load: min " + statements[0] + ", max " + statements[statements.length - 1]);
    }

    private void auditOverhead(List<BenchTeam> teams) {
        var cases = context.getBean(CaseService.class);
        var people = context.getBean(PersonService.class);
        BenchTeam team = teams.getFirst();
        TestAccounts.signInConfirmed(team.caseworker());
        List<String> references = jdbc.sql("SELECT reference FROM case_file WHERE team_id = ? ORDER BY id LIMIT 200")
                .param(team.id())
                .query(String.class)
                .list();
        Runnable work = new Runnable() {
            int i;

            @Override
            public void run() {
                cases.open(references.get(i++ % references.size()));
                people.search("Mohammad Hosseini son of Ali", 10);
                cases.list(CaseFilter.any(), CaseSort.RECENTLY_CHANGED, 0, PAGE);
            }
        };
        for (int i = 0; i < 50; i++) {
            work.run();
        }
        int rounds = Integer.getInteger("bench.auditRounds", 10);
        int perRound = 20;
        var with = new ArrayList<Long>();
        var without = new ArrayList<Long>();
        for (int round = 0; round < rounds; round++) {
            for (boolean audited : new boolean[] {true, false}) {
                AuditSwitch.OFF.set(!audited);
                try {
                    for (int i = 0; i < perRound; i++) {
                        long start = System.nanoTime();
                        work.run();
                        (audited ? with : without).add(System.nanoTime() - start);
                    }
                } finally {
                    AuditSwitch.OFF.set(false);
                }
            }
        }
        long[] a = with.stream().mapToLong(Long::longValue).toArray();
        long[] b = without.stream().mapToLong(Long::longValue).toArray();
        double meanWith = java.util.Arrays.stream(a).average().orElse(0);
        double meanWithout = java.util.Arrays.stream(b).average().orElse(0);
        row(
                "audit overhead",
                "open case + name search + list, audited",
                ms(percentile(a, 50)),
                ms(percentile(a, 95)),
                String.format("mean %.1f ms", meanWith / 1e6));
        row(
                "audit overhead",
                "same, audit switched off",
                ms(percentile(b, 50)),
                ms(percentile(b, 95)),
                String.format(
                        "mean %.1f ms; overhead %+.1f %% (mean), %+.1f %% (p50)",
                        meanWithout / 1e6,
                        (meanWith / meanWithout - 1) * 100,
                        ((double) percentile(a, 50) / percentile(b, 50) - 1) * 100));
    }

    private void timed(String area, String what, int runs, Runnable work, String note) {
        for (int i = 0; i < Math.max(10, runs / 5); i++) {
            work.run();
        }
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            times[i] = System.nanoTime() - start;
        }
        row(area, what, ms(percentile(times, 50)), ms(percentile(times, 95)), note);
    }

    // ---------------------------------------------------------------- output

    void row(String area, String what, String p50, String p95, String other) {
        table.add(new String[] {area, what, p50, p95, other});
        System.out.printf("[bench] %s | %s | %s | %s | %s%n", area, what, p50, p95, other);
    }

    private void print() throws Exception {
        var out = new StringBuilder();
        out.append("| area | measurement | p50 | p95 | other |\n|---|---|---|---|---|\n");
        for (String[] r : table) {
            out.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        System.out.println();
        System.out.println(out);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/benchmarks.md"), out.toString());
    }

    static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static String ms(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }

    // ---------------------------------------------------------------- instruments

    /** Counts the statements the application prepares on this thread (the detail benchmark's N+1 check). */
    static final class StatementCounter {
        private static final ThreadLocal<long[]> COUNT = ThreadLocal.withInitial(() -> new long[1]);

        static void reset() {
            COUNT.get()[0] = 0;
        }

        static long count() {
            return COUNT.get()[0];
        }

        static DataSource wrap(DataSource target) {
            InvocationHandler connections = (proxy, method, args) -> {
                Object result = invoke(method, target, args);
                if (result instanceof Connection connection) {
                    return Proxy.newProxyInstance(
                            KinlinkBenchmark.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, m, a) -> {
                                String name = m.getName();
                                if (name.equals("prepareStatement")
                                        || name.equals("prepareCall")
                                        || name.equals("createStatement")) {
                                    COUNT.get()[0]++;
                                }
                                return invoke(m, connection, a);
                            });
                }
                return result;
            };
            return (DataSource) Proxy.newProxyInstance(
                    KinlinkBenchmark.class.getClassLoader(), new Class<?>[] {DataSource.class}, connections);
        }

        private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    /** Turns audit recording into a no-op in the benchmark context only (the audit-overhead measurement). */
    static final class AuditSwitch {
        static final AtomicBoolean OFF = new AtomicBoolean();
        static final AtomicLong SKIPPED = new AtomicLong();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Instruments {

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource ds && beanName.equals("dataSource")
                            ? StatementCounter.wrap(ds)
                            : bean;
                }
            };
        }

        @Bean
        @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
        static Advisor auditSwitch() {
            MethodInterceptor skip = invocation -> {
                if (AuditSwitch.OFF.get()
                        && invocation.getThis() instanceof AuditTrail
                        && invocation.getMethod().getName().startsWith("record")) {
                    AuditSwitch.SKIPPED.incrementAndGet();
                    return null;
                }
                return invocation.proceed();
            };
            var pointcut = new org.springframework.aop.support.StaticMethodMatcherPointcut() {
                @Override
                public boolean matches(java.lang.reflect.Method method, Class<?> targetClass) {
                    return AuditTrail.class.isAssignableFrom(targetClass)
                            && method.getName().startsWith("record");
                }
            };
            return new DefaultPointcutAdvisor(pointcut, skip);
        }
    }
}
