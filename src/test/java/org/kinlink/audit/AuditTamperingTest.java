package org.kinlink.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * L3: the database refuses to change or remove audit events, and when someone with database rights
 * does it anyway (dropping the triggers first), the verifier finds the place.
 *
 * <p>Other tests share this database: every tampering is undone and the triggers re-created with
 * the SQL of the changeset, and the chain is checked to be intact again.
 */
@IntegrationTest
@WithMockUser(roles = Roles.AUDITOR)
class AuditTamperingTest {

    private static final Path APPEND_ONLY_CHANGESET = Path.of("db/changelog/0008-make-audit-event-append-only.sql");

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditChainVerifier verifier;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    @AfterEach
    void the_chain_is_intact_and_protected_again() {
        assertChainIntactAndProtected(verifier, jdbc);
    }

    /** After a test that tampered and restored: the chain verifies and both triggers are back. */
    static void assertChainIntactAndProtected(AuditChainVerifier verifier, JdbcTemplate jdbc) {
        var verification = verifier.verify();
        assertThat(verification.intact()).as(verification.problem()).isTrue();
        assertThat(jdbc.queryForList(
                        "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS"
                                + " WHERE TRIGGER_SCHEMA = DATABASE() AND EVENT_OBJECT_TABLE = 'audit_event'",
                        String.class))
                .containsExactlyInAnyOrder("audit_event_no_update", "audit_event_no_delete");
    }

    @Test
    void the_database_refuses_to_change_an_audit_event() {
        long sequence = record();

        assertThatThrownBy(() -> jdbc.update(
                        "UPDATE audit_event SET reason = 'nothing happened' WHERE sequence_no = ?", sequence))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
    }

    @Test
    void the_database_refuses_to_delete_an_audit_event() {
        long sequence = record();

        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event WHERE sequence_no = ?", sequence))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE sequence_no = ?", Long.class, sequence))
                .isEqualTo(1L);
    }

    @Test
    void an_untampered_chain_is_reported_intact() {
        record();

        var verification = verifier.verify();

        assertThat(verification.intact()).isTrue();
        assertThat(verification.firstBrokenSequence()).isNull();
        // every event but the one the verification itself recorded afterwards
        assertThat(verification.eventsChecked())
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class) - 1);
    }

    @Test
    void an_event_altered_behind_the_applications_back_is_found() throws Exception {
        long altered = record();
        record();
        String original =
                jdbc.queryForObject("SELECT reason FROM audit_event WHERE sequence_no = ?", String.class, altered);

        try (Connection attacker = attackerConnection()) {
            dropTriggers(attacker);
            try {
                execute(attacker, "UPDATE audit_event SET reason = 'nothing to see' WHERE sequence_no = ?", altered);

                var verification = verifier.verify();

                assertThat(verification.intact()).isFalse();
                assertThat(verification.firstBrokenSequence()).isEqualTo(altered);
                assertThat(verification.problem()).contains("altered");
            } finally {
                execute(attacker, "UPDATE audit_event SET reason = ? WHERE sequence_no = ?", original, altered);
                createTriggers(attacker);
            }
        }
    }

    @Test
    void an_event_deleted_from_the_middle_of_the_chain_is_found() throws Exception {
        record();
        long deleted = record();
        record();

        try (Connection attacker = attackerConnection()) {
            keepCopy(attacker, deleted);
            dropTriggers(attacker);
            try {
                execute(attacker, "DELETE FROM audit_event WHERE sequence_no = ?", deleted);

                var verification = verifier.verify();

                assertThat(verification.intact()).isFalse();
                assertThat(verification.firstBrokenSequence()).isEqualTo(deleted);
                assertThat(verification.problem()).contains("missing");
            } finally {
                restoreCopy(attacker);
                createTriggers(attacker);
            }
        }
    }

    @Test
    void the_newest_event_cut_off_the_end_of_the_chain_is_found() throws Exception {
        long newest = record();

        try (Connection attacker = attackerConnection()) {
            keepCopy(attacker, newest);
            dropTriggers(attacker);
            try {
                execute(attacker, "DELETE FROM audit_event WHERE sequence_no = ?", newest);

                var verification = verifier.verify();

                assertThat(verification.intact()).isFalse();
                assertThat(verification.firstBrokenSequence()).isEqualTo(newest);
            } finally {
                restoreCopy(attacker);
                createTriggers(attacker);
            }
        }
    }

    private long record() {
        trail.record(AuditEntry.success("TEST_EVENT", "TEST", UUID.randomUUID().toString())
                .because("tampering test"));
        return jdbc.queryForObject("SELECT MAX(sequence_no) FROM audit_event", Long.class);
    }

    /** A connection of its own, as someone with database rights but outside the application would use. */
    private Connection attackerConnection() throws SQLException {
        return DriverManager.getConnection(
                environment.getRequiredProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username", "root"),
                environment.getProperty("spring.datasource.password", ""));
    }

    static void dropTriggers(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER audit_event_no_update");
            statement.execute("DROP TRIGGER audit_event_no_delete");
        }
    }

    /** Re-creates the triggers with exactly the statements of the changeset that made them. */
    static void createTriggers(Connection connection) throws SQLException, IOException {
        List<String> statements = new ArrayList<>();
        String sql = Files.readAllLines(APPEND_ONLY_CHANGESET).stream()
                .filter(line -> !line.startsWith("--"))
                .reduce("", (all, line) -> all + line + "\n");
        Arrays.stream(sql.split(";"))
                .map(String::strip)
                .filter(statement -> statement.startsWith("CREATE TRIGGER"))
                .forEach(statements::add);
        assertThat(statements).hasSize(2);
        try (var statement = connection.createStatement()) {
            for (String create : statements) {
                statement.execute(create);
            }
        }
    }

    /** Copies the row, byte for byte, into a temporary table of this connection. */
    private static void keepCopy(Connection connection, long sequence) throws SQLException {
        execute(
                connection,
                "CREATE TEMPORARY TABLE audit_event_copy AS SELECT * FROM audit_event WHERE sequence_no = ?",
                sequence);
    }

    static void restoreCopy(Connection connection) throws SQLException {
        execute(connection, "INSERT INTO audit_event SELECT * FROM audit_event_copy");
        execute(connection, "DROP TEMPORARY TABLE audit_event_copy");
    }

    static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
