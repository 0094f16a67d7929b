package org.kinlink.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.regex.Pattern;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kinlink.IntegrationTest;
import org.kinlink.KinlinkApplication;
import org.kinlink.access.TestAccounts;
import org.kinlink.cases.CaseService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * R3, an upgrade from the previous release's schema: a fresh database gets exactly the changesets
 * the previous release shipped (0001–0050, commit 9fb170f), data is written with that schema, then
 * the application of this release starts on it, Liquibase applies the newer changesets, Hibernate
 * validates the result, and the old data is still there and usable.
 */
@IntegrationTest
class UpgradeFromPreviousReleaseTest {

    /** The last changeset file of the previous release. */
    private static final int PREVIOUS_RELEASE_LAST = 50;

    private static final Pattern INCLUDE = Pattern.compile(".*file: changelog/(\\d{4})-.*");

    @Autowired
    Environment environment;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void r3_data_written_with_the_previous_release_schema_survives_the_upgrade_to_this_one() throws Exception {
        String url = environment.getRequiredProperty("spring.datasource.url");
        String user = environment.getProperty("spring.datasource.username", "root");
        String password = environment.getProperty("spring.datasource.password", "");
        String source = url.replaceFirst("^jdbc:[a-z]+://[^/]+/([A-Za-z0-9_]+).*$", "$1");
        String upgraded = "kinlink_upgrade_" + TestAccounts.uniqueName("u").substring(2);
        String serverUrl = url.replaceFirst("/" + source + "(?=$|\\?)", "/");
        String upgradedUrl = url.replaceFirst("/" + source + "(?=$|\\?)", "/" + upgraded);

        // the previous release's master changelog: the same files, up to its last one
        Path work = Path.of("target/upgrade-test");
        Files.createDirectories(work.resolve("db"));
        List<String> master = Files.readAllLines(Path.of("db/changelog-master.yaml"));
        List<String> previous = master.stream()
                .filter(line -> {
                    var include = INCLUDE.matcher(line);
                    return !include.matches() || Integer.parseInt(include.group(1)) <= PREVIOUS_RELEASE_LAST;
                })
                .toList();
        assertThat(previous).hasSizeLessThan(master.size());
        Files.write(work.resolve("db/changelog-previous.yaml"), previous);

        try (var connection = DriverManager.getConnection(serverUrl, user, password);
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE `" + upgraded + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        try {
            try (var connection = DriverManager.getConnection(upgradedUrl, user, password)) {
                var database =
                        DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
                // the same resource paths as the application uses (db/changelog/...), so the upgrade
                // sees these changesets as already applied
                var resources = new CompositeResourceAccessor(
                        new DirectoryResourceAccessor(work), new ClassLoaderResourceAccessor());
                Scope.child(
                        Scope.Attr.resourceAccessor.name(),
                        resources,
                        () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, "db/changelog-previous.yaml")
                                .execute());

                // data as the previous release wrote it (Liquibase leaves auto-commit off)
                connection.setAutoCommit(true);
                var old = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
                assertThat(old.queryForObject(
                                "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                                        + " AND TABLE_NAME = 'app_user' AND COLUMN_NAME = 'session_stamp'",
                                Long.class))
                        .as("the previous release had no session stamp")
                        .isZero();
                old.update(
                        "INSERT INTO team (name, description, created_at) VALUES ('Old team', 'from 9fb170f', NOW(6))");
                long team = old.queryForObject("SELECT id FROM team WHERE name = 'Old team'", Long.class);
                old.update("INSERT INTO app_user (username, display_name, password_hash, created_at)"
                        + " VALUES ('old-caseworker', 'Old Caseworker', 'not-a-real-hash', NOW(6))");
                old.update(
                        "INSERT INTO case_file (reference, title, priority, status, team_id, opened_at, updated_at)"
                                + " VALUES ('KL-2025-000042', 'Written by the previous release', 'NORMAL', 'NEW', ?, NOW(6),"
                                + " NOW(6))",
                        team);
            }

            // this release on that database: Liquibase upgrades, Hibernate validates
            try (var application = new SpringApplicationBuilder(KinlinkApplication.class)
                    .profiles("test")
                    .properties(
                            "KINLINK_DB_URL=" + upgradedUrl,
                            "KINLINK_DB_USER=" + user,
                            "KINLINK_DB_PASSWORD=" + password,
                            "server.port=0")
                    .run()) {
                var jdbc = application.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DATABASECHANGELOG", Long.class))
                        .isEqualTo(master.stream()
                                .filter(line -> INCLUDE.matcher(line).matches())
                                .count());
                assertThat(jdbc.queryForObject(
                                "SELECT session_stamp FROM app_user WHERE username = 'old-caseworker'", Long.class))
                        .isZero();
                assertThat(jdbc.queryForObject(
                                "SELECT title FROM case_file WHERE reference = 'KL-2025-000042'", String.class))
                        .isEqualTo("Written by the previous release");

                // and the old case opens through the service of this release
                long team = jdbc.queryForObject("SELECT id FROM team WHERE name = 'Old team'", Long.class);
                long caseworker =
                        jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'old-caseworker'", Long.class);
                jdbc.update("INSERT INTO user_role (user_id, role) VALUES (?, 'CASEWORKER')", caseworker);
                jdbc.update("INSERT INTO team_membership (user_id, team_id) VALUES (?, ?)", caseworker, team);
                TestAccounts.signIn(TestAccounts.load(application, "old-caseworker"));
                assertThat(application
                                .getBean(CaseService.class)
                                .open("KL-2025-000042")
                                .title())
                        .isEqualTo("Written by the previous release");
            }
        } finally {
            try (var connection = DriverManager.getConnection(serverUrl, user, password);
                    var statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS `" + upgraded + "`");
            }
        }
    }
}
