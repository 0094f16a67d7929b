package org.kinlink.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kinlink.AuditEvents;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.kinlink.access.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** L4: who accessed a record, what a user did, and that auditors' own looking is recorded. */
@IntegrationTest
class AuditorWorkspaceTest {

    @Autowired
    AuditLog log;

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditCheckpoints checkpoints;

    @Autowired
    AuditAlerts alerts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithMockUser(username = "auditor-on-duty", roles = Roles.AUDITOR)
    void L4_an_auditor_sees_each_user_who_accessed_a_case_with_first_and_last_access_and_count() {
        String reference = "KL-2099-" + System.nanoTime() % 1_000_000;
        String alice = TestAccounts.uniqueName("alice");
        String bob = TestAccounts.uniqueName("bob");
        trail.record(AuditEntry.success("CASE_VIEWED", "CASE", reference).by(1L, alice));
        trail.record(AuditEntry.success("CASE_UPDATED", "CASE", reference).by(1L, alice));
        trail.record(AuditEntry.success("CASE_VIEWED", "CASE", reference).by(2L, bob));
        trail.record(AuditEntry.success("CASE_VIEWED", "CASE", "KL-2099-other").by(2L, bob));
        long before = AuditEvents.newest(jdbc);

        var accesses = log.accessesTo("CASE", reference);

        assertThat(accesses).extracting(RecordAccess::actorName).containsExactly(bob, alice);
        assertThat(accesses).extracting(RecordAccess::events).containsExactly(1L, 2L);
        assertThat(accesses.get(1).firstAccess())
                .isBeforeOrEqualTo(accesses.get(1).lastAccess());
        assertThat(AuditEvents.since(jdbc, before, "AUDIT_RECORD_ACCESS_VIEWED"))
                .singleElement()
                .satisfies(event -> assertThat(event)
                        .containsEntry("actor_name", "auditor-on-duty")
                        .containsEntry("object_type", "CASE")
                        .containsEntry("object_id", reference));
    }

    @Test
    @WithMockUser(username = "auditor-on-duty", roles = Roles.AUDITOR)
    void I3_a_record_id_too_long_to_record_is_refused_naming_the_field_not_with_a_database_error() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> log.accessesTo("CASE", "K".repeat(65)))
                .isInstanceOfSatisfying(
                        org.kinlink.InvalidInput.class,
                        e -> assertThat(e.field()).isEqualTo("objectId"));
    }

    @Test
    @WithMockUser(username = "auditor-on-duty", roles = Roles.AUDITOR)
    void L4_an_auditor_sees_how_many_events_of_each_action_a_user_caused() {
        String carol = TestAccounts.uniqueName("carol");
        trail.record(AuditEntry.success("CASE_VIEWED", "CASE", "KL-2099-000001").by(3L, carol));
        trail.record(AuditEntry.success("CASE_VIEWED", "CASE", "KL-2099-000002").by(3L, carol));
        trail.record(AuditEntry.success("PERSON_VIEWED", "PERSON", "7").by(3L, carol));
        long before = AuditEvents.newest(jdbc);

        var activity = log.activityOf(carol, null, null);

        assertThat(activity).containsExactly(new ActionCount("CASE_VIEWED", 2), new ActionCount("PERSON_VIEWED", 1));
        assertThat(AuditEvents.since(jdbc, before, "AUDIT_USER_ACTIVITY_VIEWED"))
                .singleElement()
                .satisfies(event -> assertThat(event).containsEntry("reason", "user: " + carol));
        assertThat(log.find(new AuditFilter(carol, null, null, null, null, null, null), 0, 10))
                .hasSize(3);
    }

    @Test
    @WithMockUser(roles = Roles.AUDITOR)
    void an_auditor_can_filter_by_the_object_types_that_occur() {
        trail.record(AuditEntry.success("TEST_EVENT", "TEST", "x"));

        assertThat(log.objectTypes()).contains("TEST").doesNotContainNull();
    }

    @Test
    @WithMockUser(roles = {Roles.ADMIN, Roles.CASEWORKER, Roles.COORDINATOR})
    void C2_nobody_but_an_auditor_may_ask_who_accessed_a_record_or_what_a_user_did() {
        assertThatThrownBy(() -> log.accessesTo("CASE", "KL-2099-000001")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> log.activityOf("someone", null, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> log.objectTypes()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(roles = {Roles.ADMIN, Roles.CASEWORKER, Roles.COORDINATOR})
    void C2_nobody_but_an_auditor_may_see_the_alerts() {
        assertThatThrownBy(() -> alerts.alerts(java.time.Instant.EPOCH, java.time.Instant.now()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(roles = {Roles.ADMIN, Roles.CASEWORKER, Roles.COORDINATOR})
    void C2_nobody_but_an_auditor_may_make_or_check_a_checkpoint() {
        assertThatThrownBy(() -> checkpoints.create()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> checkpoints.check("{}")).isInstanceOf(AccessDeniedException.class);
    }
}
