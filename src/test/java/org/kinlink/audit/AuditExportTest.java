package org.kinlink.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kinlink.AuditEvents;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.kinlink.access.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** I1, L1, L4: the CSV export of a filtered range: its content, its escaping, and its own record. */
@IntegrationTest
class AuditExportTest {

    @Autowired
    AuditExport export;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithMockUser(username = "auditor-on-duty", roles = Roles.AUDITOR)
    void I1_L1_the_export_holds_exactly_the_filtered_events_newest_first_escaped_and_is_itself_recorded()
            throws Exception {
        String actor = TestAccounts.uniqueName("exp");
        int events = AuditExport.PAGE + 3; // more than one page
        for (int i = 0; i < events; i++) {
            trail.record(AuditEntry.success("TEST_EVENT", "TEST", "row-" + i).by(5L, actor));
        }
        trail.record(AuditEntry.success("TEST_EVENT", "TEST", "=HYPERLINK(\"http://evil\")")
                .by(5L, actor)
                .because("a,b"));
        long before = AuditEvents.newest(jdbc);
        var out = new ByteArrayOutputStream();
        TestAccounts.confirmStepUp(); // S4, tested in StepUpTest

        long rows = export.writeCsv(new AuditFilter(actor, null, null, null, null, null, null), out);

        String csv = out.toString(StandardCharsets.UTF_8);
        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(rows).isEqualTo(events + 1);
        assertThat(lines).hasSize(events + 2);
        assertThat(lines.get(0)).startsWith("sequence_no,occurred_at_utc,actor_id,actor_name");
        assertThat(lines.get(1))
                .contains("," + actor + ",")
                .contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",")
                .contains(",\"a,b\",");
        assertThat(lines.get(2)).contains(",row-" + (events - 1) + ",");
        assertThat(lines.getLast()).contains(",row-0,");
        assertThat(AuditEvents.since(jdbc, before, "AUDIT_EXPORTED"))
                .singleElement()
                .satisfies(event -> assertThat(event)
                        .containsEntry("actor_name", "auditor-on-duty")
                        .containsEntry("outcome", "SUCCESS")
                        .hasEntrySatisfying(
                                "reason",
                                reason -> assertThat((String) reason)
                                        .contains("actorName=" + actor)
                                        .endsWith("rows: " + (events + 1))));
    }

    @Test
    @WithMockUser(roles = {Roles.ADMIN, Roles.CASEWORKER, Roles.COORDINATOR})
    void C2_nobody_but_an_auditor_may_export_the_log() {
        assertThatThrownBy(() -> export.writeCsv(AuditFilter.any(), new ByteArrayOutputStream()))
                .isInstanceOf(AccessDeniedException.class);
    }
}
