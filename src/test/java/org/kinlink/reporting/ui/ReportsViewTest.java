package org.kinlink.reporting.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.NewCase;
import org.kinlink.cases.Priority;
import org.kinlink.reporting.ReportFormat;
import org.kinlink.reporting.ReportKind;
import org.kinlink.ui.StepUpDialog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** The reports page as caseworkers use it, and as auditors cannot. */
@IntegrationTest
@ViewPackages(packages = "org.kinlink")
class ReportsViewTest extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    CaseService cases;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_caseworker_sees_the_case_list_of_their_team_on_screen() {
        KinlinkUser user = signInAs(Roles.CASEWORKER);
        String reference = cases.create(new NewCase(
                "Report view case",
                null,
                Priority.NORMAL,
                user.teamIds().iterator().next(),
                null));
        var view = navigate(ReportsView.class);
        assertThat(view.grid.getColumns())
                .hasSize(ReportKind.CASES_PER_MONTH.columnKeys().size());

        view.report.setValue(ReportKind.CASE_LIST);
        test(view.show).click();

        assertThat(view.grid.getColumns())
                .hasSize(ReportKind.CASE_LIST.columnKeys().size());
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getRow(0).getFirst()).isEqualTo(reference);
        assertThat(view.team.getListDataView().getItems()).hasSize(1);
    }

    @Test
    void I2_a_period_that_ends_before_it_starts_is_shown_on_the_field() {
        signInAs(Roles.CASEWORKER);
        var view = navigate(ReportsView.class);

        view.to.setValue(view.from.getValue().minusMonths(1));
        test(view.show).click();

        assertThat(view.to.isInvalid()).isTrue();
        assertThat(view.to.getErrorMessage()).isEqualTo("The last month cannot be earlier than the first month.");
    }

    @Test
    void S4_the_export_buttons_ask_for_a_step_up_first() {
        signInAs(Roles.COORDINATOR);
        var view = navigate(ReportsView.class);

        for (ReportFormat format : ReportFormat.values()) {
            test(view.exportButtons.get(format)).click();
            assertThat($(StepUpDialog.class).single().isOpened()).isTrue();
            $(StepUpDialog.class).single().close();
            assertThat(view.downloads.get(format).isDownload()).isTrue();
        }
    }

    @Test
    void an_auditor_who_opens_the_reports_by_their_address_gets_not_found() {
        signInAs(Roles.AUDITOR);

        UI.getCurrent().navigate("reports");

        assertThat(getCurrentView()).isNotInstanceOf(ReportsView.class);
        assertThat($(H2.class).all()).extracting(H2::getText).contains("Page not found");
    }

    private KinlinkUser signInAs(String role) {
        var user = TestAccounts.create(
                context, TestAccounts.uniqueName("rep"), "first lantern harbour", Set.of(role), false);
        TestAccounts.signIn(user);
        return user;
    }
}
