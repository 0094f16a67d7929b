package org.kinlink.cases.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
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
import org.kinlink.cases.CaseStatus;
import org.kinlink.cases.DisclosureDecision;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** A caseworker, entirely in the UI: open a case, add the enquirer and the sought person, move it to contact established. */
@IntegrationTest
@ViewPackages(packages = "org.kinlink")
class CaseViewsTest extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext context;

    long team;
    String suffix;

    @BeforeEach
    void signInAsCaseworker() {
        var administration = context.getBean(UserAdministration.class);
        team = TestAccounts.asAdministrator(() ->
                administration.createTeam(TestAccounts.uniqueName("team"), "").id());
        TestAccounts.signIn(caseworkerOf(team));
        suffix = TestAccounts.uniqueName("x").substring(2);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private KinlinkUser caseworkerOf(long teamId) {
        var administration = context.getBean(UserAdministration.class);
        String username = TestAccounts.uniqueName("cw");
        TestAccounts.asAdministrator(() -> administration.createUser(
                new NewUser(username, "Test " + username, Set.of(Roles.CASEWORKER), Set.of(teamId))));
        TestAccounts.setPassword(context, username, "a-long-test-password", false);
        return TestAccounts.load(context, username);
    }

    @Test
    void a_caseworker_takes_a_family_request_from_the_first_call_to_contact_established() {
        navigate(CasesView.class);
        test($(Button.class).withText("New case").single()).click();
        var newCase = $(NewCaseDialog.class).single();
        test(newCase.title).setValue("Mother looking for her son " + suffix);
        test(newCase.create).click();

        CaseDetailView detail = $(CaseDetailView.class).single();
        String heading = detail.header
                .getChildren()
                .findFirst()
                .orElseThrow()
                .getElement()
                .getText();
        assertThat(heading).matches("KL-\\d{4}-\\d{6} · Mother looking for her son .*");

        addNewParty("Add enquirer", "Parvin", "Mother" + suffix);
        addNewParty("Add sought person", "Bahram", "Son" + suffix);
        assertThat(detail.parties.getGenericDataView().getItems().count()).isEqualTo(2);

        // the call itself goes into the contacts log
        detail.selectTab("Contacts log");
        test($(Button.class).withText("Log a call").single()).click();
        test($(TextField.class).withLabel("Subject").last()).setValue("First call from the mother");
        test($(TextArea.class).withLabel("What was said").last()).setValue("Lost contact in 2019.");
        test($(Button.class).withText("Save").last()).click();
        assertThat($(com.vaadin.flow.component.html.Span.class)
                        .withText("First call from the mother")
                        .exists())
                .isTrue();

        for (String action : new String[] {"Start intake", "Start tracing", "Mark located", "Request contact"}) {
            move(action);
        }
        assertThat($(Button.class).withText("Contact established").exists()).isTrue();

        // the sought person agrees to contact, recorded with date and how it was obtained
        detail.selectTab("Consent");
        test($(Button.class).withText("Record sought person's decision").single())
                .click();
        @SuppressWarnings("unchecked")
        Select<DisclosureDecision> decision =
                $(Select.class).withLabel("Sought person's decision").single();
        test(decision).selectItem("Agreed to contact");
        test($(DatePicker.class).withLabel("Date of the decision").single()).setValue(LocalDate.now());
        test($(TextArea.class).withLabel("How it was obtained").single()).setValue("by telephone, to me");
        test($(Button.class).withText("Save").last()).click();

        move("Contact established");
        assertThat(detail.history.getGenericDataView().getItems().count()).isEqualTo(6);
        assertThat(detail.header.getElement().getTextRecursively())
                .contains(detail.getTranslation("case.status." + CaseStatus.CONTACT_ESTABLISHED.name()));
    }

    @Test
    void a_caseworker_of_another_team_gets_not_found_for_the_case_url() {
        navigate(CasesView.class);
        test($(Button.class).withText("New case").single()).click();
        var newCase = $(NewCaseDialog.class).single();
        test(newCase.title).setValue("Someone else's case " + suffix);
        test(newCase.create).click();
        String reference = $(CaseDetailView.class)
                .single()
                .header
                .getChildren()
                .findFirst()
                .orElseThrow()
                .getElement()
                .getText()
                .substring(0, 14);

        long otherTeam = TestAccounts.asAdministrator(() -> context.getBean(UserAdministration.class)
                .createTeam(TestAccounts.uniqueName("team"), "")
                .id());
        TestAccounts.signIn(caseworkerOf(otherTeam));
        com.vaadin.flow.component.UI.getCurrent().navigate("cases/" + reference);
        assertThat($(com.vaadin.flow.component.html.H2.class)
                        .withText("Page not found")
                        .exists())
                .isTrue();
        assertThat($(CaseDetailView.class).exists()).isFalse();
    }

    private void addNewParty(String button, String given, String family) {
        test($(Button.class).withText(button).single()).click();
        test($(Button.class).withText("Register person").last()).click();
        test($(TextField.class).withLabel("Given name (Latin)").last()).setValue(given);
        test($(TextField.class).withLabel("Family name (Latin)").last()).setValue(family);
        test($(Button.class).withText("Save person").last()).click();
    }

    private void move(String action) {
        test($(Button.class).withText(action).single()).click();
        test($(TextArea.class).withLabel("Reason (kept in the case history)").single())
                .setValue("because: " + action);
        test($(Button.class).withTextContaining("Move to").single()).click();
    }
}
