package org.kinlink.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kinlink.Roles;
import org.kinlink.access.TestAccounts;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.NewCase;
import org.kinlink.cases.PartyRole;
import org.kinlink.cases.Priority;
import org.kinlink.cases.Relationship;
import org.kinlink.people.PersonForm;
import org.kinlink.people.PersonNames;
import org.kinlink.people.PersonService;
import org.kinlink.ui.ErrorMessageKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R2, database outage: with the server suspended (SIGSTOP, the hardest case: connections neither
 * answer nor fail) a request fails within seconds with an error the UI shows as "database
 * unavailable, nothing was saved", an interrupted transaction leaves no rows, and once the server
 * runs again (SIGCONT) the next request succeeds without any restart.
 *
 * <p>This test has its OWN embedded server (under target/fault-db, on its own port) so that
 * suspending it disturbs no other test. {@code KINLINK_DB_URL=} (empty) overrides the environment
 * variable, so also in CI's second run, which points the rest of the suite at an external server,
 * this test starts and suspends its own embedded server. The context is closed afterwards.
 */
@SpringBootTest(
        properties = {
            "KINLINK_DB_URL=",
            "kinlink.embedded-db.dir=target/fault-db",
            "kinlink.embedded-db.database=kinlink_faults",
            "kinlink.keyset=target/fault-db/test-keyset.json"
        })
@ActiveProfiles("test")
@DirtiesContext
class DatabaseOutageTest {

    private static final Path PID_FILE = Path.of("target/fault-db/data/kinlink-mariadbd.pid");

    @Autowired
    ApplicationContext context;

    @Autowired
    CaseService cases;

    @Autowired
    PersonService people;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void r2_a_suspended_database_fails_requests_within_seconds_leaves_nothing_half_written_and_recovers()
            throws Exception {
        var user = TestAccounts.create(
                context, TestAccounts.uniqueName("cw"), "a-long-test-password", Set.of(Roles.CASEWORKER), false);
        TestAccounts.signIn(user);
        long team = user.teamIds().iterator().next();
        var enquirer = people.register(person("Shirin"), team);
        String before = cases.create(new NewCase("Before the outage", null, Priority.NORMAL, team, null));
        long casesBefore = count("case_file");
        long partiesBefore = count("case_party");

        long pid = serverPid();
        signal("STOP", pid);
        try {
            // a request: the pool cannot hand out a live connection within its 5 s timeout
            long started = System.nanoTime();
            assertThatThrownBy(() -> cases.open(before))
                    .satisfies(e -> assertThat(ErrorMessageKeys.keyFor(e))
                            .as(chain(e))
                            .isEqualTo("error.database-unavailable"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        } finally {
            signal("CONT", pid);
        }

        // a case opened with its enquirer in one transaction; the server stops answering between the
        // two: the next statement gives up after the socket timeout (10 s) and nothing is kept
        long started = System.nanoTime();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    String reference =
                            cases.create(new NewCase("Interrupted by the outage", null, Priority.NORMAL, team, null));
                    try {
                        signal("STOP", pid);
                        cases.addParty(reference, enquirer, PartyRole.ENQUIRER, Relationship.OTHER_RELATIVE);
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    } finally {
                        resume(pid);
                    }
                }))
                .satisfies(e ->
                        assertThat(ErrorMessageKeys.keyFor(e)).as(chain(e)).isEqualTo("error.database-unavailable"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));

        // the server is back: the next request succeeds, without a restart, and nothing was half-written
        assertThat(cases.open(before).title()).isEqualTo("Before the outage");
        assertThat(count("case_file")).isEqualTo(casesBefore);
        assertThat(count("case_party")).isEqualTo(partiesBefore);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM case_file WHERE title = 'Interrupted by the outage'", Long.class))
                .isZero();
        // and new work is saved as usual
        String after = cases.create(new NewCase("After the outage", null, Priority.NORMAL, team, null));
        cases.addParty(after, enquirer, PartyRole.ENQUIRER, Relationship.OTHER_RELATIVE);
        assertThat(count("case_file")).isEqualTo(casesBefore + 1);
        assertThat(count("case_party")).isEqualTo(partiesBefore + 1);
    }

    private static String chain(Throwable error) {
        var text = new StringBuilder();
        for (Throwable t = error; t != null && text.length() < 2000; t = t.getCause()) {
            text.append(t.getClass().getName());
            if (t instanceof java.sql.SQLException sql) {
                text.append('(')
                        .append(sql.getSQLState())
                        .append(' ')
                        .append(sql.getMessage())
                        .append(')');
            }
            text.append(" <- ");
        }
        return text.toString();
    }

    private static void resume(long pid) {
        try {
            signal("CONT", pid);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("Could not resume the test database (pid " + pid + ")", e);
        }
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private static PersonForm person(String given) {
        return PersonForm.named(new PersonNames(given, "Outage", null, null, null, null))
                .withBirthYear(1975);
    }

    private static long serverPid() throws IOException {
        return Long.parseLong(Files.readString(PID_FILE).trim());
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        var process = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                .inheritIO()
                .start();
        assertThat(process.waitFor()).as("kill -%s %d", signal, pid).isZero();
    }
}
