package org.kinlink.reporting.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kinlink.letters.LettersTestSupport.team;
import static org.kinlink.letters.LettersTestSupport.user;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.NativeTable;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.NewCase;
import org.kinlink.cases.Priority;
import org.kinlink.ui.Languages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Each role lands on its dashboard at the start page; in Persian it reads from right to left. */
@IntegrationTest
@ViewPackages(packages = "org.kinlink")
class DashboardViewTest extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    CaseService cases;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private KinlinkUser signIn(Set<String> roles, Set<Long> teams) {
        var user = user(context, roles, teams);
        TestAccounts.signIn(user);
        return user;
    }

    private <T extends Component> boolean shown(Class<T> type) {
        return !$(type).all().isEmpty();
    }

    @Test
    @DisplayName(
            "a caseworker lands on their dashboard (not forwarded), with the find field focused and their case linked")
    void caseworker_dashboard() {
        long team = team(context);
        var me = signIn(Set.of(Roles.CASEWORKER), Set.of(team));
        String reference = cases.create(new NewCase("Dashboard view case", null, Priority.HIGH, team, me.id()));

        UI.getCurrent().navigate("");

        var panel = $(DashboardCaseworkerPanel.class).single();
        assertThat(panel.find.isAutofocus()).isTrue();
        assertThat($(Anchor.class).from(panel).all())
                .extracting(Anchor::getHref)
                .contains("cases/" + reference);
        assertThat($(Image.class).from(panel).all()).allSatisfy(chart -> {
            assertThat(chart.getSrc()).startsWith("data:image/svg+xml;base64,");
            assertThat(chart.getAlt()).hasValueSatisfying(alt -> assertThat(alt).contains("1"));
        });
        assertThat($(NativeTable.class).from(panel).all()).isNotEmpty();
        assertThat(shown(DashboardCoordinatorPanel.class)).isFalse();
        assertThat(shown(DashboardAuditorPanel.class)).isFalse();
        assertThat(shown(DashboardAdminPanel.class)).isFalse();
    }

    @Test
    @DisplayName("C3: a caseworker's dashboard does not name another team's case")
    void caseworker_dashboard_leaves_out_other_teams() {
        long otherTeam = team(context);
        var other = signIn(Set.of(Roles.CASEWORKER), Set.of(otherTeam));
        String theirs = cases.create(new NewCase("Other team case", null, Priority.URGENT, otherTeam, other.id()));
        signIn(Set.of(Roles.CASEWORKER), Set.of(team(context)));

        UI.getCurrent().navigate("");

        var panel = $(DashboardCaseworkerPanel.class).single();
        assertThat($(Anchor.class).from(panel).all())
                .extracting(Anchor::getHref)
                .doesNotContain("cases/" + theirs);
    }

    @Test
    @DisplayName("a coordinator lands on the letters dashboard")
    void coordinator_dashboard() {
        signIn(Set.of(Roles.COORDINATOR), Set.of());

        UI.getCurrent().navigate("");

        assertThat(shown(DashboardCoordinatorPanel.class)).isTrue();
        assertThat(shown(DashboardCaseworkerPanel.class)).isFalse();
    }

    @Test
    @DisplayName("an auditor lands on the audit dashboard, which names no case")
    void auditor_dashboard() {
        signIn(Set.of(Roles.AUDITOR), Set.of());

        UI.getCurrent().navigate("");

        var panel = $(DashboardAuditorPanel.class).single();
        assertThat(panel.integrity.getText()).isNotBlank();
        assertThat($(Image.class).from(panel).all()).hasSize(1);
        assertThat($(Anchor.class).from(panel).all())
                .extracting(Anchor::getHref)
                .noneMatch(href -> href.startsWith("cases/"));
        assertThat(shown(DashboardCaseworkerPanel.class)).isFalse();
    }

    @Test
    @DisplayName("an administrator lands on the accounts dashboard; someone with two roles sees both panels")
    void administrator_and_two_roles() {
        signIn(Set.of(Roles.ADMIN), Set.of());
        UI.getCurrent().navigate("");
        assertThat(shown(DashboardAdminPanel.class)).isTrue();
        assertThat(shown(DashboardAuditorPanel.class)).isFalse();

        signIn(Set.of(Roles.ADMIN, Roles.AUDITOR), Set.of());
        UI.getCurrent().navigate("account/password");
        UI.getCurrent().navigate("");
        assertThat(shown(DashboardAdminPanel.class)).isTrue();
        assertThat(shown(DashboardAuditorPanel.class)).isTrue();
    }

    @Test
    @DisplayName("in Persian the dashboard is right to left, in Persian script with Persian digits")
    void persian_dashboard() {
        long team = team(context);
        var me = signIn(Set.of(Roles.CASEWORKER, Roles.COORDINATOR), Set.of(team));
        cases.create(new NewCase("Persian dashboard case", null, Priority.NORMAL, team, me.id()));
        Languages.apply(UI.getCurrent(), Languages.PERSIAN);

        UI.getCurrent().navigate("");

        assertThat(UI.getCurrent().getElement().getAttribute("lang")).isEqualTo("fa");
        assertThat($(H3.class).all())
                .hasSize(2)
                .allSatisfy(h -> assertThat(h.getText()).matches(".*\\p{IsArabic}.*"));
        var panel = $(DashboardCaseworkerPanel.class).single();
        assertThat($(NativeTable.class).from(panel).first().getElement().getOuterHTML())
                .contains("۱");
    }

    @Test
    @DisplayName("in Albanian the dashboard speaks Albanian")
    void albanian_dashboard() {
        signIn(Set.of(Roles.COORDINATOR), Set.of());
        Languages.apply(UI.getCurrent(), Languages.ALBANIAN);

        UI.getCurrent().navigate("");

        assertThat($(H3.class).single().getText()).isEqualTo("Letrat sot");
    }

    @Test
    @DisplayName(
            "on a call: a name typed into the dashboard's find field and Enter open the cases list searching for it")
    void find_a_case_from_the_dashboard() {
        signIn(Set.of(Roles.CASEWORKER), Set.of(team(context)));
        UI.getCurrent().navigate("");
        var panel = $(DashboardCaseworkerPanel.class).single();

        panel.find.setValue("Zohreh");
        com.vaadin.flow.component.ComponentUtil.fireEvent(
                panel.find, new com.vaadin.flow.component.KeyDownEvent(panel.find, "Enter"));

        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("CasesView");
        assertThat($(com.vaadin.flow.component.textfield.TextField.class).all())
                .extracting(com.vaadin.flow.component.textfield.TextField::getValue)
                .contains("Zohreh");
    }
}
