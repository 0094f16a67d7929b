package org.kinlink.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.kinlink.IntegrationTest;
import org.kinlink.KinlinkApplication;
import org.kinlink.Roles;
import org.kinlink.access.TestAccounts;
import org.kinlink.audit.AuditChainVerifier;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.NewCase;
import org.kinlink.cases.PartyRole;
import org.kinlink.cases.Priority;
import org.kinlink.cases.Relationship;
import org.kinlink.people.PersonForm;
import org.kinlink.people.PersonNames;
import org.kinlink.people.PersonService;
import org.kinlink.people.SensitiveValue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * R4, backup and restore as docs/operations/backup-restore.md describes it: {@code mariadb-dump
 * --single-transaction --routines --triggers} of the test database, restored with the {@code
 * mariadb} client into a fresh database, then the application started on the restored copy with the
 * same keyset: every table has the same number of rows, the triggers are back, the audit chain
 * verifies and an encrypted phone number reads back.
 *
 * <p>The tools are taken from the PATH (Debian's {@code mariadb-client}) or else from the embedded
 * server's unpacked binaries. Without them the test is skipped, except in CI ({@code CI=true}),
 * where it fails.
 */
@IntegrationTest
class BackupRestoreTest {

    private static final Pattern URL =
            Pattern.compile("jdbc:(?:mariadb|mysql)://([^:/]+)(?::(\\d+))?/([A-Za-z0-9_]+).*");

    /** The DEFINER clause of a trigger or routine, as mariadb-dump writes it. */
    static final Pattern DEFINER = Pattern.compile("/\\*!50017 DEFINER=[^*]*\\*/ ?|DEFINER=`[^`]*`@`[^`]*` ?");

    @Autowired
    ApplicationContext context;

    @Autowired
    Environment environment;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void r4_a_dump_restored_into_a_fresh_database_has_the_same_rows_a_verifying_audit_chain_and_readable_secrets()
            throws Exception {
        String dump = tool("mariadb-dump");
        String client = tool("mariadb");

        // data worth restoring: a person with an encrypted phone number, a case, audit events
        String phone = "+98 21 5555 0" + (100 + (int) (Math.random() * 800));
        String caseworker = TestAccounts.uniqueName("cw");
        var user = TestAccounts.create(context, caseworker, "a-long-test-password", Set.of(Roles.CASEWORKER), false);
        String auditor = TestAccounts.uniqueName("au");
        TestAccounts.create(context, auditor, "a-long-test-password", Set.of(Roles.AUDITOR), false);
        TestAccounts.signIn(user);
        long team = user.teamIds().iterator().next();
        var person = context.getBean(PersonService.class)
                .register(
                        PersonForm.named(new PersonNames("Roya", "Backup", null, null, null, null))
                                .withContact(phone, null),
                        team);
        var cases = context.getBean(CaseService.class);
        String reference = cases.create(new NewCase("Restored case", null, Priority.NORMAL, team, null));
        cases.addParty(reference, person, PartyRole.SOUGHT, Relationship.SELF);
        SecurityContextHolder.clearContext();

        String url = environment.getRequiredProperty("spring.datasource.url");
        var parts = URL.matcher(url);
        assertThat(parts.matches()).as("a MariaDB JDBC URL: %s", url).isTrue();
        String host = parts.group(1);
        String port = parts.group(2) == null ? "3306" : parts.group(2);
        String source = parts.group(3);
        String dbUser = environment.getProperty("spring.datasource.username", "root");
        String password = environment.getProperty("spring.datasource.password", "");
        String restored = "kinlink_restore_" + TestAccounts.uniqueName("r").substring(2);
        String restoredUrl = url.replaceFirst("/" + source + "(?=$|\\?)", "/" + restored);
        String serverUrl = url.replaceFirst("/" + source + "(?=$|\\?)", "/");

        Path backup = Path.of("target/backup-test/" + restored + ".sql");
        Files.createDirectories(backup.getParent());
        run(
                List.of(
                        dump,
                        "--host=" + host,
                        "--port=" + port,
                        "--user=" + dbUser,
                        "--single-transaction",
                        "--routines",
                        "--triggers",
                        "--events",
                        "--hex-blob",
                        source),
                password,
                null,
                backup.toFile());
        String text = Files.readString(backup, StandardCharsets.UTF_8);
        assertThat(text).contains("CREATE TABLE", "TRIGGER");
        // the embedded server runs without grant tables, so its triggers have an empty DEFINER that
        // no server accepts: restored without DEFINER, they belong to the restoring account (see
        // docs/operations/backup-restore.md, "accounts differ")
        Files.writeString(backup, DEFINER.matcher(text).replaceAll(""), StandardCharsets.UTF_8);

        try (var connection = DriverManager.getConnection(serverUrl, dbUser, password);
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE `" + restored + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        try {
            run(
                    List.of(client, "--host=" + host, "--port=" + port, "--user=" + dbUser, restored),
                    password,
                    backup.toFile(),
                    null);

            assertThat(rowCounts(restoredUrl, dbUser, password, restored))
                    .isEqualTo(rowCounts(url, dbUser, password, source));
            assertThat(triggers(restoredUrl, dbUser, password, restored))
                    .isNotEmpty()
                    .isEqualTo(triggers(url, dbUser, password, source));

            // the application on the restored copy, with the same keyset (it is not in the dump)
            try (var copy = new SpringApplicationBuilder(KinlinkApplication.class)
                    .profiles("test")
                    .properties(
                            "KINLINK_DB_URL=" + restoredUrl,
                            "KINLINK_DB_USER=" + dbUser,
                            "KINLINK_DB_PASSWORD=" + password,
                            "server.port=0")
                    .run()) {
                TestAccounts.signIn(TestAccounts.load(copy, caseworker));
                assertThat(copy.getBean(PersonService.class).open(person).phone())
                        .isEqualTo(SensitiveValue.shown(phone));
                assertThat(copy.getBean(CaseService.class).open(reference).title())
                        .isEqualTo("Restored case");
                TestAccounts.signIn(TestAccounts.load(copy, auditor));
                var verification = copy.getBean(AuditChainVerifier.class).verify();
                assertThat(verification.intact())
                        .as("%s", verification.problem())
                        .isTrue();
                assertThat(verification.eventsChecked()).isPositive();
            }
        } finally {
            SecurityContextHolder.clearContext();
            try (var connection = DriverManager.getConnection(serverUrl, dbUser, password);
                    var statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS `" + restored + "`");
            }
            Files.deleteIfExists(backup);
        }
    }

    private static Map<String, Long> rowCounts(String url, String user, String password, String schema)
            throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (var connection = DriverManager.getConnection(url, user, password);
                var statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (var rs =
                    statement.executeQuery("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"
                            + schema + "' AND TABLE_TYPE = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (var rs = statement.executeQuery("SELECT COUNT(*) FROM `" + table + "`")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static List<String> triggers(String url, String user, String password, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (var connection = DriverManager.getConnection(url, user, password);
                var statement = connection.createStatement();
                var rs = statement.executeQuery(
                        "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = '" + schema
                                + "' ORDER BY TRIGGER_NAME")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** The tool on the PATH, else the embedded server's; skips (fails in CI) when neither runs. */
    private static String tool(String name) {
        List<String> candidates = new ArrayList<>();
        candidates.add(name);
        candidates.add(Path.of("target/test-db/base/bin", name).toAbsolutePath().toString());
        for (String candidate : candidates) {
            if (runs(candidate)) {
                return candidate;
            }
        }
        String message = name + " was not found on the PATH nor under target/test-db/base/bin; install the MariaDB "
                + "client (Debian: apt-get install mariadb-client) to run the backup and restore test";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
        return name;
    }

    private static boolean runs(String command) {
        try {
            var process = new ProcessBuilder(command, "--version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a client tool with the password in MYSQL_PWD (never on the command line). */
    private static void run(List<String> command, String password, File input, File output)
            throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command);
        builder.environment().put("MYSQL_PWD", Optional.ofNullable(password).orElse(""));
        Path errors = Files.createTempFile("kinlink-backup", ".err");
        builder.redirectError(errors.toFile());
        if (input != null) {
            builder.redirectInput(input);
        }
        builder.redirectOutput(output != null ? ProcessBuilder.Redirect.to(output) : ProcessBuilder.Redirect.DISCARD);
        var process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES))
                .as("%s finished", command.getFirst())
                .isTrue();
        String stderr = Files.readString(errors);
        Files.deleteIfExists(errors);
        assertThat(process.exitValue())
                .as("%s failed: %s", command.getFirst(), stderr)
                .isZero();
    }
}
