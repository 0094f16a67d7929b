package org.kinlink.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kinlink.AuditEvents;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.kinlink.access.TestAccounts;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/** The audit log as auditors use it, and as others cannot. */
@IntegrationTest
@ViewPackages(packages = "org.kinlink")
class AuditLogViewTest extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.kinlink.audit.AuditCheckpoints checkpoints;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void an_auditor_sees_the_newest_event_first() {
        var auditor = signInAs(Roles.AUDITOR);
        String record = UUID.randomUUID().toString();
        trail.record(AuditEntry.success("TEST_EVENT", "TEST", record));
        long newest = AuditEvents.newest(jdbc);

        var view = navigate(AuditLogView.class);

        // the grid fetches page by page (the log is never counted or loaded whole); each fetch of the first
        // page is itself an audited look at the log, so the first row is read once
        var first = test(view.grid).getRow(0);
        assertThat(first.sequenceNo()).isEqualTo(newest);
        assertThat(first.objectId()).isEqualTo(record);
        assertThat(first.actorName()).isEqualTo(auditor.getUsername());
    }

    /** L3: the integrity check, from the screen. */
    @Test
    void an_auditor_can_check_that_the_log_is_intact() {
        signInAs(Roles.AUDITOR);
        var view = navigate(AuditLogView.class);

        test(view.verify).click();

        assertThat(view.integrity.getText()).startsWith("Chain intact:");
    }

    /** L4: "who accessed this record" from the screen: a case reference filters the log to that case. */
    @Test
    void L4_an_auditor_enters_a_case_reference_and_sees_who_accessed_it() {
        signInAs(Roles.AUDITOR);
        String reference = "KL-2098-" + (100000 + System.nanoTime() % 900000);
        String reader = TestAccounts.uniqueName("reader");
        trail.record(AuditEntry.success("CASE_VIEWED", "CASE", reference).by(9L, reader));
        var view = navigate(AuditLogView.class);

        test(view.record).setValue(reference.toLowerCase(java.util.Locale.ROOT));
        test(view.whoAccessed).click();

        assertThat(view.objectType.getValue()).isEqualTo("CASE");
        assertThat(test(view.accesses).getRow(0).actorName()).isEqualTo(reader);
        assertThat(test(view.grid).getRow(0).objectId()).isEqualTo(reference);
    }

    /** L4: "activity per user" from the screen. */
    @Test
    void L4_an_auditor_sees_a_users_activity_summary() {
        signInAs(Roles.AUDITOR);
        String worker = TestAccounts.uniqueName("worker");
        trail.record(AuditEntry.success("CASE_VIEWED", "CASE", "KL-2098-000001").by(9L, worker));
        var view = navigate(AuditLogView.class);

        test(view.user).setValue(worker);
        test(view.activity).click();

        assertThat(test(view.actions).getRow(0).action()).isEqualTo("CASE_VIEWED");
        assertThat(test(view.grid).getRow(0).actorName()).isEqualTo(worker);
    }

    /** I1: the CSV export is a download link (an attachment), streamed by the server when followed. */
    @Test
    void I1_an_auditor_has_a_csv_download_of_the_current_filter() {
        signInAs(Roles.AUDITOR);
        var view = navigate(AuditLogView.class);

        assertThat(view.exportCsv.getHref()).isNotBlank();
        assertThat(view.exportCsv.isDownload()).isTrue();
    }

    /** S4: the export buttons ask the auditor to re-confirm before any download starts. */
    @Test
    void S4_the_export_buttons_ask_for_a_step_up_first() {
        signInAs(Roles.AUDITOR);
        var view = navigate(AuditLogView.class);

        test(view.exportCsvButton).click();
        assertThat($(org.kinlink.ui.StepUpDialog.class).single().isOpened()).isTrue();
        $(org.kinlink.ui.StepUpDialog.class).single().close();
        test(view.downloadCheckpointButton).click();
        assertThat($(org.kinlink.ui.StepUpDialog.class).single().isOpened()).isTrue();
    }

    /** L3: a checkpoint pasted into the dialog is checked against the chain. */
    @Test
    void L3_an_auditor_checks_a_pasted_checkpoint() {
        signInAs(Roles.AUDITOR);
        var view = navigate(AuditLogView.class);
        org.kinlink.access.TestAccounts.confirmStepUp(); // S4, tested below and in StepUpTest
        String json = checkpoints.create().toJson();

        test(view.checkCheckpoint).click();
        test(view.checkpointText).setValue(json);
        test(view.runCheck).click();

        assertThat(view.checkpointResult.getText()).startsWith("Checkpoint valid:");
        assertThat(view.downloadCheckpoint.isDownload()).isTrue();
    }

    /** L4: the alerts section lists unusual access (here: repeated denials). */
    @Test
    void L4_an_auditor_sees_repeated_denied_access_among_the_alerts() {
        signInAs(Roles.AUDITOR);
        String prober = TestAccounts.uniqueName("prober");
        for (int i = 0; i < 10; i++) {
            trail.record(
                    AuditEntry.denied("ACCESS_DENIED", "CASE", "KL-2096-" + i).by(17L, prober));
        }
        var view = navigate(AuditLogView.class);

        test(view.showAlerts).click();

        assertThat(view.alerts.isVisible()).isTrue();
        assertThat(view.alerts.getListDataView().getItems())
                .anySatisfy(alert -> assertThat(alert.actorName()).isEqualTo(prober));
    }

    /** C1, L1: a caseworker who types the address gets "not found", and the attempt is logged. */
    @Test
    void a_caseworker_who_opens_the_audit_log_by_its_address_is_refused_and_recorded() {
        var user = signInAs(Roles.CASEWORKER);
        long before = AuditEvents.newest(jdbc);

        UI.getCurrent().navigate("audit");

        assertThat(getCurrentView()).isNotInstanceOf(AuditLogView.class);
        assertThat($(H2.class).all()).extracting(H2::getText).contains("Page not found");
        assertThat(AuditEvents.since(jdbc, before, "NAVIGATION_DENIED"))
                .singleElement()
                .satisfies(event -> assertThat(event)
                        .containsEntry("outcome", "DENIED")
                        .containsEntry("actor_name", user.getUsername())
                        .containsEntry("reason", "/audit"));
    }

    private org.kinlink.access.KinlinkUser signInAs(String role) {
        var user = TestAccounts.create(
                context, TestAccounts.uniqueName("ui"), "first lantern harbour", Set.of(role), false);
        TestAccounts.signIn(user);
        return user;
    }
}
