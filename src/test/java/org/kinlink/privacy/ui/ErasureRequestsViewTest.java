package org.kinlink.privacy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.NewUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.access.UserAdministration;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.NewCase;
import org.kinlink.cases.PartyRole;
import org.kinlink.cases.Priority;
import org.kinlink.cases.Relationship;
import org.kinlink.people.PersonForm;
import org.kinlink.people.PersonId;
import org.kinlink.people.PersonNames;
import org.kinlink.people.PersonService;
import org.kinlink.privacy.Erasure;
import org.kinlink.privacy.ErasureRequestSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/** D7: the administrator reviews an erasure request by counts and references, never the person's data. */
@IntegrationTest
@ViewPackages(packages = "org.kinlink")
class ErasureRequestsViewTest extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Erasure erasure;

    @Autowired
    PersonService people;

    @Autowired
    CaseService cases;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    @DisplayName(
            "D7: the review shows counts and case references without the person's name; a rejection needs a reason")
    void d7_review_shows_no_personal_data_and_rejection_needs_a_reason() {
        long team = TestAccounts.asAdministrator(() -> context.getBean(UserAdministration.class)
                .createTeam(TestAccounts.uniqueName("team"), "")
                .id());
        String username = TestAccounts.uniqueName("cw");
        TestAccounts.asAdministrator(() -> context.getBean(UserAdministration.class)
                .createUser(new NewUser(username, "Test " + username, Set.of(Roles.CASEWORKER), Set.of(team))));
        KinlinkUser member = TestAccounts.load(context, username);
        TestAccounts.signInConfirmed(member);
        String name = "Veradine" + TestAccounts.uniqueName("x").replaceAll("[^a-z]", "");
        PersonId person =
                people.register(PersonForm.named(new PersonNames(name, "Lowmark", null, null, null, null)), team);
        String reference = cases.create(new NewCase("Review case", null, Priority.NORMAL, team, null));
        cases.addParty(reference, person, PartyRole.SOUGHT, Relationship.SELF);
        long request = erasure.request(person, "written request");

        TestAccounts.signIn(TestAccounts.create(
                context, TestAccounts.uniqueName("admin"), "first lantern harbour", Set.of(Roles.ADMIN), false));
        ErasureRequestsView view = navigate(ErasureRequestsView.class);
        ErasureRequestSummary summary = erasure.list(0, 500).stream()
                .filter(r -> r.id() == request)
                .findFirst()
                .orElseThrow();
        view.review(summary);

        Dialog dialog = $(Dialog.class).single();
        String shown =
                $(ListItem.class, dialog).all().stream().map(ListItem::getText).collect(Collectors.joining("\n"))
                        + $(Paragraph.class, dialog).all().stream()
                                .map(Paragraph::getText)
                                .collect(Collectors.joining("\n"));
        assertThat(shown)
                .contains(reference)
                .contains("written request")
                .doesNotContain(name)
                .doesNotContain("Lowmark");

        test($(Button.class, dialog).withText("Reject").single()).click();
        TextArea reason = $(TextArea.class, dialog).single();
        assertThat(reason.isInvalid()).isTrue();
        test(reason).setValue("The person withdrew the request");
        test($(Button.class, dialog).withText("Reject").single()).click();
        assertThat(jdbc.queryForObject("select status from erasure_request where id = ?", String.class, request))
                .isEqualTo("REJECTED");
        assertThat(jdbc.queryForObject("select count(*) from person where id = ?", Integer.class, person.value()))
                .isEqualTo(1);
    }
}
