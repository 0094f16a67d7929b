package org.kinlink.people.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
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
import org.kinlink.people.PersonForm;
import org.kinlink.people.PersonNames;
import org.kinlink.people.PersonService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * R1, two caseworkers save the same person: the first save wins, the second is told "changed by
 * someone else", and what the second one typed stays in the form until they choose to reload.
 */
@IntegrationTest
@ViewPackages(packages = "org.kinlink")
class ConcurrentPersonEditTest extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    PersonService people;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void r1_the_second_of_two_saves_of_a_person_is_refused_with_a_message_and_keeps_what_was_typed() {
        var administration = context.getBean(UserAdministration.class);
        long team = TestAccounts.asAdministrator(() ->
                administration.createTeam(TestAccounts.uniqueName("team"), "").id());
        KinlinkUser first = caseworker(team);
        KinlinkUser second = caseworker(team);
        TestAccounts.signIn(first);
        var id = people.register(form("Karimi"), team);

        TestAccounts.signIn(second);
        navigate(PersonView.class, java.util.Map.of("id", Long.toString(id.value())));
        test($(TextField.class).withLabel("Family name (Latin)").single()).setValue("Karimi-Tehrani");

        TestAccounts.signIn(first);
        people.update(id, people.open(id).version(), form("Karimy"));

        TestAccounts.signIn(second);
        test($(Button.class).withText("Save person").single()).click();

        var warning = $(Dialog.class).all().stream()
                .filter(d -> "Changed by someone else".equals(d.getHeaderTitle()))
                .findFirst()
                .orElseThrow();
        assertThat(warning.isOpened()).isTrue();
        assertThat($(TextField.class).withLabel("Family name (Latin)").single().getValue())
                .isEqualTo("Karimi-Tehrani");
        assertThat(people.open(id).names().familyLatin()).isEqualTo("Karimy");

        // reload: the winner's version is shown; nothing of theirs was overwritten
        test($(Button.class).withText("Reload").single()).click();
        assertThat($(TextField.class).withLabel("Family name (Latin)").single().getValue())
                .isEqualTo("Karimy");
    }

    private static PersonForm form(String family) {
        return PersonForm.named(new PersonNames("Nasrin", family, null, null, null, null))
                .withBirthYear(1968);
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
