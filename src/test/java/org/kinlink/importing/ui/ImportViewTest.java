package org.kinlink.importing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.NewUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.access.UserAdministration;
import org.kinlink.importing.ImportField;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * An administrator-caseworker walks through the import: file → mapping (suggested) → dry run (rows
 * with problems listed) → import refused while rows with errors are included (I3: nothing lost, the
 * mapping and the check stay) → import with those rows left out. The browser's file transfer is not
 * simulated: the test hands the file to the step the upload handler calls.
 */
@IntegrationTest
@ViewPackages(packages = "org.kinlink")
class ImportViewTest extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    long team;

    @BeforeEach
    void signIn() {
        var administration = context.getBean(UserAdministration.class);
        team = TestAccounts.asAdministrator(() -> administration
                .createTeam(TestAccounts.uniqueName("team"), "test team")
                .id());
        String username = TestAccounts.uniqueName("imp");
        TestAccounts.asAdministrator(() -> administration.createUser(
                new NewUser(username, "Test " + username, Set.of(Roles.ADMIN, Roles.CASEWORKER), Set.of(team))));
        TestAccounts.setPassword(context, username, "a-long-test-password", false);
        KinlinkUser user = TestAccounts.load(context, username);
        TestAccounts.signIn(user);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void upload_mapping_dry_run_and_import() throws IOException {
        ImportView view = navigate(ImportView.class);
        view.executor = Runnable::run;
        assertThat(view.mappingStep.isVisible()).isFalse();

        view.load("messy-cases.csv", sample());
        assertThat(view.fileInfo.getText()).contains("13 rows");
        assertThat(view.mappingStep.isVisible()).isTrue();
        assertThat(view.columns.get(ImportField.CASE_TITLE).getValue()).isEqualTo(0);
        assertThat(view.team.getValue()).isEqualTo(team);

        test(view.check).click();
        assertThat(view.checkStep.isVisible()).isTrue();
        assertThat(view.summary.getText()).isEqualTo("13 rows: 7 with errors, 1 with warnings only.");
        assertThat(view.onlyProblems.getValue()).as("the flagged rows first").isTrue();
        assertThat(test(view.grid).size()).isEqualTo(8);
        test(view.onlyProblems).click();
        assertThat(test(view.grid).size()).isEqualTo(13);

        test(view.apply).click();
        assertThat(countCases()).isZero();
        assertThat(view.checkStep.isVisible()).as("nothing entered is lost").isTrue();

        test(view.excludeErrors).click();
        test(view.apply).click();
        assertThat(countCases()).isEqualTo(6);
        assertThat(view.mappingStep.isVisible()).isFalse();
    }

    @Test
    void an_empty_history_says_what_to_do_next() {
        ImportView view = navigate(ImportView.class);
        view.executor = Runnable::run;

        assertThat(view.earlier.getEmptyStateText()).startsWith("No imports yet. Upload a CSV or XLSX file above");
    }

    /** Issue 8 item 2: the earlier imports are listed; "Undo import" asks, then removes the cases. */
    @Test
    void an_earlier_import_is_listed_and_undone_after_confirmation() throws IOException {
        ImportView view = navigate(ImportView.class);
        view.executor = Runnable::run;
        view.load("messy-cases.csv", sample());
        test(view.check).click();
        test(view.excludeErrors).click();
        test(view.apply).click();
        assertThat(countCases()).isEqualTo(6);
        var earlier = test(view.earlier);
        assertThat(earlier.getCellText(0, 3)).isEqualTo("6 rows: 6 cases, 12 persons");
        assertThat(earlier.getCellText(0, 4)).isEmpty();

        test((Button) earlier.getCellComponent(0, 5)).click();
        var dialog = $(Dialog.class).single();
        assertThat(dialog.isOpened()).isTrue();
        var confirm = $(Button.class, dialog).all().stream()
                .filter(b -> b.getText().equals("Undo import"))
                .findFirst()
                .orElseThrow();
        test(confirm).click();

        assertThat(countCases()).isZero();
        assertThat(test(view.earlier).getCellText(0, 4)).isNotEmpty();
        assertThat(((Button) test(view.earlier).getCellComponent(0, 5)).isEnabled())
                .as("an import is undone once")
                .isFalse();
    }

    /** The dry run and the import run in the background: "row N of M" while they run, buttons disabled. */
    @Test
    void the_check_and_the_import_run_in_the_background_and_show_their_progress() throws IOException {
        ImportView view = navigate(ImportView.class);
        List<Runnable> queued = new ArrayList<>();
        view.executor = queued::add;
        view.load("messy-cases.csv", sample());

        test(view.check).click();
        assertThat(queued).hasSize(1);
        assertThat(view.progressStep.isVisible()).isTrue();
        assertThat(view.progress.getText()).isEqualTo("Checking: row 0 of 13");
        assertThat(view.check.isEnabled()).as("no second click meanwhile").isFalse();
        assertThat(view.checkStep.isVisible()).isFalse();
        view.latestRow.set(7);
        view.showProgress();
        assertThat(view.progress.getText()).isEqualTo("Checking: row 7 of 13");
        assertThat(view.progressBar.getValue()).isCloseTo(7 / 13.0, org.assertj.core.data.Offset.offset(0.001));

        queued.removeFirst().run();
        assertThat(view.progressStep.isVisible()).isFalse();
        assertThat(view.check.isEnabled()).isTrue();
        assertThat(view.summary.getText()).isEqualTo("13 rows: 7 with errors, 1 with warnings only.");

        test(view.excludeErrors).click();
        test(view.apply).click();
        assertThat(view.progress.getText()).isEqualTo("Importing: row 0 of 6");
        assertThat(view.apply.isEnabled()).isFalse();
        assertThat(countCases()).isZero();
        queued.removeFirst().run();
        assertThat(countCases()).isEqualTo(6);
        assertThat(view.fileInfo.getText())
                .isEqualTo("Imported 6 cases and 12 persons (import "
                        + test(view.earlier).getCellText(0, 0) + ").");
        assertThat(view.mappingStep.isVisible()).isFalse();
    }

    /** A failure in the background work: a plain message, no stack trace, the file and mapping kept. */
    @Test
    void a_failed_check_says_so_and_keeps_the_file_and_the_mapping() throws IOException {
        ImportView view = navigate(ImportView.class);
        view.executor = Runnable::run;
        view.load("messy-cases.csv", sample());
        String fileInfo = view.fileInfo.getText();
        // the work runs as the signed-in user: without the caseworker role the service refuses
        var signedIn = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("someone", "n/a", "ROLE_" + Roles.ADMIN));
        try {
            test(view.check).click();
        } finally {
            SecurityContextHolder.setContext(signedIn);
        }

        assertThat(view.progress.getText())
                .isEqualTo("The check could not finish. Your file and column mapping are kept: please try again.");
        assertThat(view.check.isEnabled()).isTrue();
        assertThat(view.checkStep.isVisible()).isFalse();
        assertThat(view.mappingStep.isVisible()).isTrue();
        assertThat(view.fileInfo.getText()).isEqualTo(fileInfo);
        assertThat(view.columns.get(ImportField.CASE_TITLE).getValue()).isEqualTo(0);

        test(view.check).click();
        assertThat(view.summary.getText())
                .as("tried again: the same file, checked")
                .startsWith("13 rows");
    }

    private long countCases() {
        return jdbc.queryForObject("select count(*) from case_file where team_id = ?", Long.class, team);
    }

    private byte[] sample() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/import/messy-cases.csv")) {
            return in.readAllBytes();
        }
    }
}
