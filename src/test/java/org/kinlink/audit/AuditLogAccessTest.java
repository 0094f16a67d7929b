package org.kinlink.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kinlink.AuditEvents;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.test.context.support.WithMockUser;

/** L4: auditors, and only auditors, read the log and check the chain; their own reading is logged too. */
@IntegrationTest
class AuditLogAccessTest {

    @Autowired
    AuditLog log;

    @Autowired
    AuditChainVerifier verifier;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithMockUser(roles = Roles.AUDITOR)
    void an_auditor_finds_the_events_about_a_record_newest_first() {
        String record = UUID.randomUUID().toString();
        trail.record(AuditEntry.success("TEST_EVENT", "TEST", record).because("first"));
        trail.record(AuditEntry.denied("TEST_EVENT", "TEST", record).because("second"));

        var events = log.find(new AuditFilter(null, null, null, record, null, null, null), 0, 50);

        assertThat(events).extracting(AuditEventView::reason).containsExactly("second", "first");
        assertThat(events)
                .extracting(AuditEventView::outcome)
                .containsExactly(AuditOutcome.DENIED, AuditOutcome.SUCCESS);
    }

    @Test
    @WithMockUser(username = "auditor-on-duty", roles = Roles.AUDITOR)
    void an_auditor_reading_the_log_is_itself_recorded() {
        long before = AuditEvents.newest(jdbc);

        log.find(AuditFilter.any(), 0, 20);

        assertThat(AuditEvents.since(jdbc, before, "AUDIT_LOG_VIEWED"))
                .singleElement()
                .satisfies(event -> assertThat(event)
                        .containsEntry("actor_name", "auditor-on-duty")
                        .containsEntry("actor_roles", Roles.AUDITOR));
    }

    @Test
    @WithMockUser(username = "auditor-on-duty", roles = Roles.AUDITOR)
    void an_auditor_checking_the_chain_is_itself_recorded() {
        long before = AuditEvents.newest(jdbc);

        verifier.verify();

        assertThat(AuditEvents.since(jdbc, before, "AUDIT_CHAIN_VERIFIED"))
                .singleElement()
                .satisfies(event -> assertThat(event).containsEntry("actor_name", "auditor-on-duty"));
    }

    @Test
    @WithMockUser(roles = {Roles.ADMIN, Roles.CASEWORKER, Roles.COORDINATOR})
    void nobody_but_an_auditor_may_read_the_log() {
        assertThatThrownBy(() -> log.find(AuditFilter.any(), 0, 20)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(roles = {Roles.ADMIN, Roles.CASEWORKER, Roles.COORDINATOR})
    void nobody_but_an_auditor_may_check_the_chain() {
        assertThatThrownBy(() -> verifier.verify()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void nobody_signed_out_may_read_the_log_or_check_the_chain() {
        assertThatThrownBy(() -> log.find(AuditFilter.any(), 0, 20)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> verifier.verify()).isInstanceOf(AuthenticationException.class);
    }
}
