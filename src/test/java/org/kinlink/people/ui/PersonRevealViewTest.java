package org.kinlink.people.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.kinlink.access.NewUser;
import org.kinlink.access.SensitiveFieldClass;
import org.kinlink.access.TestAccounts;
import org.kinlink.access.UserAdministration;
import org.kinlink.people.DocumentType;
import org.kinlink.people.PersonForm;
import org.kinlink.people.PersonId;
import org.kinlink.people.PersonNames;
import org.kinlink.people.PersonService;
import org.kinlink.people.Sex;
import org.kinlink.ui.StepUpDialog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * C4: the person view shows masked fields as dots with a Reveal action that asks for a reason; S4:
 * revealing the location also asks the user to re-confirm (here with the password, as the test
 * profile has no second factor).
 */
@IntegrationTest
@ViewPackages(packages = "org.kinlink")
class PersonRevealViewTest extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    PersonService people;

    PersonId person;

    @BeforeEach
    void registerAPersonAsCaseworker() {
        // the step-up below counts a wrong password per client address, shared by every test in this JVM
        context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .update("DELETE FROM sign_in_throttle WHERE kind = 'ADDRESS'");
        var administration = context.getBean(UserAdministration.class);
        long team = TestAccounts.asAdministrator(() ->
                administration.createTeam(TestAccounts.uniqueName("team"), "").id());
        String username = TestAccounts.uniqueName("cw");
        TestAccounts.asAdministrator(() -> administration.createUser(
                new NewUser(username, "Test " + username, Set.of(Roles.CASEWORKER), Set.of(team))));
        TestAccounts.setPassword(context, username, "a-long-test-password", false);
        TestAccounts.signIn(TestAccounts.load(context, username));
        person = people.register(
                new PersonForm(
                        new PersonNames("Revealia", "Viewtest", null, null, null, null),
                        List.of(),
                        Sex.FEMALE,
                        null,
                        1990,
                        null,
                        null,
                        "Camp 9",
                        null,
                        null,
                        null,
                        null,
                        List.of(new PersonForm.DocumentEntry(DocumentType.PASSPORT, "P7654321", null)),
                        null),
                team);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void
            c4_s4_masked_location_is_dots_revealed_with_a_reason_after_a_step_up_and_saving_unrevealed_fields_keeps_them() {
        PersonView view = navigate(PersonView.class, java.util.Map.of("id", Long.toString(person.value())));
        PersonEditor editor = view.editor;
        assertThat(editor.lastKnownLocation.getValue()).isEqualTo(PersonEditor.MASK);
        assertThat(editor.lastKnownLocation.isReadOnly()).isTrue();
        assertThat(editor.revealButtons.get(SensitiveFieldClass.LOCATION).isVisible())
                .isTrue();
        assertThat(editor.read().keep())
                .containsExactlyInAnyOrder(SensitiveFieldClass.LOCATION, SensitiveFieldClass.IDENTITY);

        test(editor.revealButtons.get(SensitiveFieldClass.LOCATION)).click();
        var dialog = $(Dialog.class).single();
        test($(Button.class, dialog).withText("Reveal").single()).click();
        assertThat($(TextArea.class, dialog).single().isInvalid()).isTrue();
        test($(TextArea.class, dialog).single()).setValue("arranging the visit");
        test($(Button.class, dialog).withText("Reveal").single()).click();

        // S4: the service asks for a step-up; the dialog asks for the password, nothing is shown yet
        var stepUp = $(StepUpDialog.class).single();
        assertThat(editor.lastKnownLocation.getValue()).isEqualTo(PersonEditor.MASK);
        test($(PasswordField.class, stepUp).single()).setValue("not the password at all");
        test($(Button.class, stepUp).withText("Confirm").single()).click();
        assertThat($(PasswordField.class, stepUp).single().isInvalid()).isTrue();
        assertThat($(PasswordField.class, stepUp).single().getErrorMessage()).isEqualTo("The password is wrong.");
        assertThat(editor.lastKnownLocation.getValue()).isEqualTo(PersonEditor.MASK);
        test($(PasswordField.class, stepUp).single()).setValue("a-long-test-password");
        test($(Button.class, stepUp).withText("Confirm").single()).click();

        // confirmed: the reveal ran again by itself, the reason kept
        assertThat($(StepUpDialog.class).all()).isEmpty();
        assertThat(editor.lastKnownLocation.getValue()).isEqualTo("Camp 9");
        assertThat(editor.lastKnownLocation.isReadOnly()).isFalse();
        assertThat(editor.read().keep()).containsExactly(SensitiveFieldClass.IDENTITY);

        // save without revealing the documents: the passport number survives
        test(editor.familyLatin).setValue("Viewtest-Saved");
        test(view.save).click();
        assertThat(people.reveal(person, SensitiveFieldClass.IDENTITY, "test check")
                        .documents()
                        .get(0)
                        .number()
                        .value())
                .isEqualTo("P7654321");
        // after the save the view shows the location masked again
        assertThat(editor.lastKnownLocation.getValue()).isEqualTo(PersonEditor.MASK);
    }
}
