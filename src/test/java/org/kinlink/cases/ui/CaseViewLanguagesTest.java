package org.kinlink.cases.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.kinlink.access.NewUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.access.UserAdministration;
import org.kinlink.ui.Dates;
import org.kinlink.ui.Languages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Issue 7 item 3: the cases list in Persian (Solar Hijri beside Gregorian dates) and in Albanian. */
@IntegrationTest
@ViewPackages(packages = "org.kinlink")
class CaseViewLanguagesTest extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void signInAsCaseworkerWithACase() {
        var administration = context.getBean(UserAdministration.class);
        long team = TestAccounts.asAdministrator(() ->
                administration.createTeam(TestAccounts.uniqueName("team"), "").id());
        String username = TestAccounts.uniqueName("cw");
        TestAccounts.asAdministrator(() -> administration.createUser(
                new NewUser(username, "Test " + username, Set.of(Roles.CASEWORKER), Set.of(team))));
        TestAccounts.setPassword(context, username, "a-long-test-password", false);
        TestAccounts.signIn(TestAccounts.load(context, username));

        navigate(CasesView.class);
        test($(Button.class).withText("New case").single()).click();
        var newCase = $(NewCaseDialog.class).single();
        test(newCase.title).setValue("Languages " + username);
        test(newCase.create).click();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_persian_user_sees_the_solar_hijri_and_the_gregorian_date_in_the_cases_list() {
        Languages.apply(UI.getCurrent(), Languages.PERSIAN);
        CasesView view = navigate(CasesView.class);

        String today = Dates.solarHijri(LocalDate.now());
        assertThat(cellsOfFirstRow(view))
                .anySatisfy(cell -> assertThat(cell)
                        .startsWith(today + " (")
                        .contains(String.valueOf(LocalDate.now().getYear())
                                .chars()
                                .mapToObj(digit -> String.valueOf((char) ('۰' + digit - '0')))
                                .reduce("", String::concat)));
        assertThat($(Button.class).withText(view.getTranslation("case.new")).exists())
                .isTrue();
        assertThat(Languages.isRightToLeft(UI.getCurrent().getLocale())).isTrue();
    }

    @Test
    void an_albanian_user_sees_the_cases_list_in_albanian_left_to_right() {
        Languages.apply(UI.getCurrent(), Languages.ALBANIAN);
        CasesView view = navigate(CasesView.class);

        assertThat($(Button.class).withText("Rast i ri").exists()).isTrue();
        assertThat(view.getTranslation("nav.cases")).isEqualTo("Rastet");
        assertThat(cellsOfFirstRow(view)).noneSatisfy(cell -> assertThat(cell).contains("("));
        assertThat(Languages.isRightToLeft(UI.getCurrent().getLocale())).isFalse();
    }

    private java.util.List<String> cellsOfFirstRow(CasesView view) {
        test(view.mine).click(); // the new case is not assigned yet: show all of the team's cases
        var grid = test(view.grid);
        return IntStream.range(0, view.grid.getColumns().size())
                .mapToObj(column -> grid.getCellText(0, column))
                .toList();
    }
}
