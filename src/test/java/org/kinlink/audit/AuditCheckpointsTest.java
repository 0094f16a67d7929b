package org.kinlink.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kinlink.AuditEvents;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * L3: signed checkpoints of the chain head, and how checking one finds a cut-off tail. Tampering is
 * undone exactly as in {@link AuditTamperingTest}, and the chain checked to be intact again.
 */
@IntegrationTest
@WithMockUser(username = "auditor-on-duty", roles = Roles.AUDITOR)
class AuditCheckpointsTest {

    @Autowired
    AuditCheckpoints checkpoints;

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditChainVerifier verifier;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    /** S4: a checkpoint download is an export; the step-up itself is tested in StepUpTest. */
    @org.junit.jupiter.api.BeforeEach
    void reconfirmed() {
        org.kinlink.access.TestAccounts.confirmStepUp();
    }

    @AfterEach
    void the_chain_is_intact_and_protected_again() {
        AuditTamperingTest.assertChainIntactAndProtected(verifier, jdbc);
    }

    @Test
    void L3_a_checkpoint_names_the_head_is_signed_and_its_export_is_recorded() {
        record();
        long head = AuditEvents.newest(jdbc);

        var checkpoint = checkpoints.create();

        assertThat(checkpoint.format()).isEqualTo(AuditCheckpoint.FORMAT);
        assertThat(checkpoint.headSequence()).isEqualTo(head);
        assertThat(checkpoint.eventCount()).isEqualTo(head);
        assertThat(checkpoint.headHash())
                .isEqualTo(
                        jdbc.queryForObject("SELECT hash FROM audit_event WHERE sequence_no = ?", String.class, head));
        assertThat(checkpoint.signature()).isNotBlank();
        var json = JsonParser.parseString(checkpoint.toJson()).getAsJsonObject();
        assertThat(json.keySet())
                .containsExactlyInAnyOrder(
                        "format", "headSequence", "headHash", "eventCount", "createdAt", "keyId", "signature");
        assertThat(AuditEvents.since(jdbc, head, "AUDIT_CHECKPOINT_EXPORTED"))
                .singleElement()
                .satisfies(event -> assertThat(event)
                        .containsEntry("actor_name", "auditor-on-duty")
                        .containsEntry("object_id", Long.toString(head)));
    }

    @Test
    void L3_a_checkpoint_of_an_untampered_chain_verifies_later_and_the_check_is_recorded() {
        String json = checkpoints.create().toJson();
        record();
        long before = AuditEvents.newest(jdbc);

        var check = checkpoints.check(json);

        assertThat(check.valid()).as(check.problem()).isTrue();
        assertThat(AuditEvents.since(jdbc, before, "AUDIT_CHECKPOINT_CHECKED"))
                .singleElement()
                .satisfies(event -> assertThat(event).containsEntry("reason", "valid"));
    }

    @Test
    void L3_a_tampered_checkpoint_fails_its_signature() {
        var checkpoint = checkpoints.create();
        var json = JsonParser.parseString(checkpoint.toJson()).getAsJsonObject();
        json.addProperty("headSequence", checkpoint.headSequence() - 1);

        var check = checkpoints.check(json.toString());

        assertThat(check.valid()).isFalse();
        assertThat(check.problem()).contains("signature");
        assertThat(checkpoints.check("{\"format\": \"nonsense\"}").problem()).contains("not a Kinlink");
    }

    @Test
    void L3_events_cut_off_the_end_of_the_chain_after_a_checkpoint_are_reported_missing() throws Exception {
        record();
        long cut = record();
        record();
        var checkpoint = checkpoints.create(); // names the event after cut as head; its own record follows

        try (Connection attacker = attackerConnection()) {
            AuditTamperingTest.execute(
                    attacker,
                    "CREATE TEMPORARY TABLE audit_event_copy AS SELECT * FROM audit_event WHERE sequence_no >= ?",
                    cut);
            AuditTamperingTest.dropTriggers(attacker);
            try {
                AuditTamperingTest.execute(attacker, "DELETE FROM audit_event WHERE sequence_no >= ?", cut);

                var check = checkpoints.check(checkpoint.toJson());

                assertThat(check.valid()).isFalse();
                assertThat(check.problem())
                        .contains("event " + checkpoint.headSequence() + " named by the checkpoint is missing")
                        .contains("events " + cut + " to " + checkpoint.headSequence() + " are missing");
            } finally {
                AuditTamperingTest.restoreCopy(attacker);
                AuditTamperingTest.createTriggers(attacker);
            }
        }
    }

    /**
     * L3: the case the chain alone cannot show: the tail cut off together with the chain-head row,
     * so that the shortened chain is consistent. Only the checkpoint reveals it. Nothing is recorded
     * while the chain is cut (the checks used here do not record), so the restore is exact.
     */
    @Test
    void L3_a_tail_cut_together_with_the_chain_head_row_is_found_only_against_a_checkpoint() throws Exception {
        record();
        long cut = record();
        record();
        var checkpoint = checkpoints.create();
        long kept = cut - 1;
        String keptHash = jdbc.queryForObject("SELECT hash FROM audit_event WHERE sequence_no = ?", String.class, kept);
        var head = jdbc.queryForMap("SELECT last_sequence_no, last_hash FROM audit_chain_head WHERE id = 1");

        try (Connection attacker = attackerConnection()) {
            AuditTamperingTest.execute(
                    attacker,
                    "CREATE TEMPORARY TABLE audit_event_copy AS SELECT * FROM audit_event WHERE sequence_no >= ?",
                    cut);
            AuditTamperingTest.dropTriggers(attacker);
            try {
                AuditTamperingTest.execute(attacker, "DELETE FROM audit_event WHERE sequence_no >= ?", cut);
                AuditTamperingTest.execute(
                        attacker,
                        "UPDATE audit_chain_head SET last_sequence_no = ?, last_hash = ? WHERE id = 1",
                        kept,
                        keptHash);

                var chainAlone = verifier.walk();
                var check = checkpoints.examine(checkpoint.toJson());

                assertThat(chainAlone.intact()).isTrue();
                assertThat(check.valid()).isFalse();
                assertThat(check.problem())
                        .contains("event " + checkpoint.headSequence() + " named by the checkpoint is missing");
            } finally {
                AuditTamperingTest.execute(
                        attacker,
                        "UPDATE audit_chain_head SET last_sequence_no = ?, last_hash = ? WHERE id = 1",
                        head.get("last_sequence_no"),
                        head.get("last_hash"));
                AuditTamperingTest.restoreCopy(attacker);
                AuditTamperingTest.createTriggers(attacker);
            }
        }
    }

    private long record() {
        trail.record(AuditEntry.success("TEST_EVENT", "TEST", UUID.randomUUID().toString())
                .because("checkpoint test"));
        return AuditEvents.newest(jdbc);
    }

    private Connection attackerConnection() throws SQLException {
        return DriverManager.getConnection(
                environment.getRequiredProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username", "root"),
                environment.getProperty("spring.datasource.password", ""));
    }
}
