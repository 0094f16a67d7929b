package org.kinlink.cases.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.NewUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.access.UserAdministration;
import org.kinlink.cases.CaseEdit;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.NewCase;
import org.kinlink.cases.Priority;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * R1, two caseworkers save the same case: the first save wins, the second is told "changed by
 * someone else", and what the second one typed is still in the form; nothing is overwritten.
 */
@IntegrationTest
@ViewPackages(packages = "org.kinlink")
class ConcurrentCaseEditTest extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    CaseService cases;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void r1_the_second_of_two_saves_of_a_case_is_refused_with_a_message_and_keeps_what_was_typed() {
        var administration = context.getBean(UserAdministration.class);
        long team = TestAccounts.asAdministrator(() ->
                administration.createTeam(TestAccounts.uniqueName("team"), "").id());
        KinlinkUser first = caseworker(team);
        KinlinkUser second = caseworker(team);
        TestAccounts.signIn(first);
        String reference = cases.create(new NewCase("Brother and sister", null, Priority.NORMAL, team, null));

        // the second caseworker opens the case and starts editing it in the browser
        TestAccounts.signIn(second);
        navigate(CaseDetailView.class, java.util.Map.of("reference", reference));
        test($(Button.class).withText("Edit case").single()).click();
        var title = $(TextField.class).withLabel("Title").single();
        test(title).setValue("Brother and sister, seen in Izmir");

        // meanwhile the first caseworker saves the same case
        TestAccounts.signIn(first);
        var opened = cases.open(reference);
        cases.update(
                new CaseEdit(reference, opened.version(), "Brother and sister (urgent)", null, Priority.HIGH, null));

        // the second save: refused, told so, and the typed title is still in the open dialog
        TestAccounts.signIn(second);
        test($(Button.class).withText("Save").last()).click();
        assertThat($(EditCaseDialog.class).single().isOpened()).isTrue();
        assertThat($(TextField.class).withLabel("Title").single().getValue())
                .isEqualTo("Brother and sister, seen in Izmir");
        var warning = $(Dialog.class).all().stream()
                .filter(d -> "Changed by someone else".equals(d.getHeaderTitle()))
                .findFirst()
                .orElseThrow();
        assertThat(warning.isOpened()).isTrue();
        assertThat($(Paragraph.class)
                        .withText(warning.getTranslation("error.concurrent-change"))
                        .exists())
                .isTrue();

        // the first save is what is stored
        var stored = cases.open(reference);
        assertThat(stored.title()).isEqualTo("Brother and sister (urgent)");
        assertThat(stored.priority()).isEqualTo(Priority.HIGH);

        // reloading shows the winner's version; the second caseworker can then make the change again
        test($(Button.class).withText("Reload").single()).click();
        assertThat(cases.open(reference).version()).isEqualTo(stored.version());
    }

    private KinlinkUser caseworker(long team) {
        var administration = context.getBean(UserAdministration.class);
        String username = TestAccounts.uniqueName("cw");
        TestAccounts.asAdministrator(() -> administration.createUser(
                new NewUser(username, "Test " + username, Set.of(Roles.CASEWORKER), Set.of(team))));
        TestAccounts.setPassword(context, username, "a-long-test-password", false);
        return TestAccounts.load(context, username);
    }
}
