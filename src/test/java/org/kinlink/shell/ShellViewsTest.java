package org.kinlink.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.ui.Languages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** The shell as each kind of user meets it: the menu, the login, the compulsory password change, the language. */
@IntegrationTest
@ViewPackages(packages = "org.kinlink")
class ShellViewsTest extends SpringBrowserlessTest {

    private static final String PASSWORD = "first lantern harbour";

    @Autowired
    ApplicationContext context;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_caseworker_sees_the_start_page_cases_people_letters_institutions_and_reports_in_the_menu() {
        assertThat(menuOf(Roles.CASEWORKER))
                .containsExactly("Start", "Cases", "People", "Letters", "Institutions", "Reports");
    }

    @Test
    void a_coordinator_sees_the_start_page_cases_letters_institutions_and_letter_templates_in_the_menu() {
        assertThat(menuOf(Roles.COORDINATOR))
                .containsExactly("Start", "Cases", "Letters", "Institutions", "Reports", "Letter templates");
    }

    @Test
    void an_auditor_sees_the_start_page_and_the_audit_log_in_the_menu() {
        assertThat(menuOf(Roles.AUDITOR)).containsExactly("Start", "Audit log");
    }

    @Test
    void an_administrator_sees_the_start_page_users_and_teams_keys_tokens_import_erasure_and_retention_in_the_menu() {
        assertThat(menuOf(Roles.ADMIN))
                .containsExactly(
                        "Start",
                        "Users and teams",
                        "Encryption keys",
                        "API tokens",
                        "Import",
                        "Erasure requests",
                        "Retention");
    }

    @Test
    void someone_with_two_roles_sees_the_pages_of_both() {
        assertThat(menuOf(Roles.AUDITOR, Roles.ADMIN))
                .containsExactly(
                        "Start",
                        "Audit log",
                        "Users and teams",
                        "Encryption keys",
                        "API tokens",
                        "Import",
                        "Erasure requests",
                        "Retention");
    }

    /** C1: deny by default; nothing but the login opens without signing in. */
    @Test
    void someone_not_signed_in_who_opens_any_page_but_the_login_is_sent_to_the_login() {
        List<String> protectedPaths = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .map(RouteData::getTemplate)
                .filter(path -> !path.equals("login"))
                .toList();
        assertThat(protectedPaths).contains("", "audit", "admin/users", "account/password");

        for (String path : protectedPaths) {
            UI.getCurrent().navigate(path);

            assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                    .as("view shown at /" + path)
                    .isEmpty();
            assertThat(redirectedTo()).as("redirect from /" + path).isEqualTo("/login");
        }
    }

    @Test
    void the_login_page_opens_without_signing_in() {
        navigate(LoginView.class);

        assertThat($(LoginForm.class).single().isError()).isFalse();
    }

    /** A5: one message after a failed sign-in, whatever the reason. */
    @Test
    void the_login_page_shows_the_failure_message_after_a_failed_sign_in() {
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("error", "")));

        assertThat($(LoginForm.class).single().isError()).isTrue();
    }

    /** A6: a one-time password must be replaced before anything else. */
    @Test
    void a_user_who_must_change_the_password_is_sent_to_the_password_page_whatever_they_open() {
        signInAs(true, Roles.AUDITOR);

        UI.getCurrent().navigate(StartView.class);
        assertThat(getCurrentView()).isInstanceOf(ChangePasswordView.class);

        UI.getCurrent().navigate("audit");
        assertThat(getCurrentView()).isInstanceOf(ChangePasswordView.class);
    }

    @Test
    void after_replacing_the_one_time_password_the_user_reaches_the_start_page() {
        signInAs(true, Roles.COORDINATOR);
        UI.getCurrent().navigate(StartView.class);
        var view = (ChangePasswordView) getCurrentView();

        test(view.current).setValue(PASSWORD);
        test(view.fresh).setValue("second lantern harbour");
        test(view.repeated).setValue("second lantern harbour");
        test(view.save).click();

        assertThat(getCurrentView()).isInstanceOf(StartView.class);
        UI.getCurrent().navigate("account/password");
        UI.getCurrent().navigate(StartView.class);
        assertThat(getCurrentView()).isInstanceOf(StartView.class);
    }

    /** I3: the refusal appears next to the field and nothing typed is lost. */
    @Test
    void a_wrong_current_password_is_shown_on_its_field_and_the_new_one_is_kept() {
        signInAs(true, Roles.COORDINATOR);
        UI.getCurrent().navigate(StartView.class);
        var view = (ChangePasswordView) getCurrentView();

        test(view.current).setValue("not my password at all");
        test(view.fresh).setValue("second lantern harbour");
        test(view.repeated).setValue("second lantern harbour");
        test(view.save).click();

        assertThat(view.current.isInvalid()).isTrue();
        assertThat(view.current.getErrorMessage()).isEqualTo("The current password is not right.");
        assertThat(view.fresh.getValue()).isEqualTo("second lantern harbour");
        assertThat(getCurrentView()).isSameAs(view);
    }

    @Test
    void choosing_persian_shows_the_interface_in_persian_from_right_to_left() {
        signInAs(false, Roles.COORDINATOR);
        navigate(StartView.class);
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();

        Languages.apply(UI.getCurrent(), Languages.PERSIAN);
        UI.getCurrent().navigate(ChangePasswordView.class);

        assertThat(documentDirection()).isEqualTo("rtl");
        assertThat(UI.getCurrent().getElement().getAttribute("lang")).isEqualTo("fa");
        assertThat($(H2.class)
                        .from((ChangePasswordView) getCurrentView())
                        .single()
                        .getText())
                .isNotEqualTo("Change password")
                .matches(".*\\p{IsArabic}.*");
    }

    @Test
    void choosing_english_again_turns_the_interface_left_to_right() {
        signInAs(false, Roles.COORDINATOR);
        navigate(StartView.class);
        Languages.apply(UI.getCurrent(), Languages.PERSIAN);

        Languages.apply(UI.getCurrent(), Languages.ENGLISH);

        assertThat(documentDirection()).isEqualTo("ltr");
    }

    @Test
    @DisplayName(
            "with the second factor required, a user without one is sent to set it up, sees the recovery codes once and then reaches the start page (A3)")
    void a_user_without_a_second_factor_sets_it_up_before_anything_else() {
        boolean before = TestAccounts.requireSecondFactor(context, true);
        try {
            signInAs(false, Roles.AUDITOR);

            UI.getCurrent().navigate("audit");
            assertThat(getCurrentView()).isInstanceOf(SecondFactorEnrolmentView.class);
            var setup = (SecondFactorEnrolmentView) getCurrentView();
            assertThat(setup.qrCode.getSrc()).startsWith("data:image/png;base64,");

            test(setup.code).setValue("000000");
            test(setup.confirm).click();
            assertThat(setup.code.isInvalid()).isTrue();
            assertThat(setup.code.getErrorMessage()).isEqualTo("This code is not right or has already been used.");

            test(setup.code).setValue(TestAccounts.totpCode(setup.secret.getText(), 0));
            test(setup.confirm).click();
            assertThat(setup.recoveryCodes.getChildren()).hasSize(10);
            test(setup.done).click();

            assertThat(getCurrentView()).isInstanceOf(StartView.class);
            UI.getCurrent().navigate("audit");
            assertThat(getCurrentView()).isNotInstanceOf(SecondFactorView.class);
        } finally {
            TestAccounts.requireSecondFactor(context, before);
        }
    }

    @Test
    @DisplayName(
            "with the second factor required, an enrolled user must enter a code after the password, whatever they open (A3)")
    void an_enrolled_user_enters_a_code_before_anything_else() {
        boolean before = TestAccounts.requireSecondFactor(context, true);
        try {
            var user = signInAs(false, Roles.AUDITOR);
            UI.getCurrent().navigate(StartView.class);
            var setup = (SecondFactorEnrolmentView) getCurrentView();
            String secret = setup.secret.getText();
            test(setup.code).setValue(TestAccounts.totpCode(secret, -1));
            test(setup.confirm).click();
            // a new session: the password passed, the second factor not yet
            TestAccounts.signIn(user);

            UI.getCurrent().navigate("audit");
            assertThat(getCurrentView()).isInstanceOf(SecondFactorView.class);
            UI.getCurrent().navigate("account/password");
            assertThat(getCurrentView()).isInstanceOf(SecondFactorView.class);

            var prompt = (SecondFactorView) getCurrentView();
            test(prompt.code).setValue(TestAccounts.totpCode(secret, 0));
            test(prompt.verify).click();

            assertThat(getCurrentView()).isInstanceOf(StartView.class);
        } finally {
            TestAccounts.requireSecondFactor(context, before);
        }
    }

    private List<String> menuOf(String... roles) {
        signInAs(false, roles);
        UI.getCurrent().navigate("");
        return $(SideNav.class).single().getItems().stream()
                .map(SideNavItem::getLabel)
                .toList();
    }

    private KinlinkUser signInAs(boolean mustChangePassword, String... roles) {
        var user = TestAccounts.create(
                context, TestAccounts.uniqueName("ui"), PASSWORD, Set.of(roles), mustChangePassword);
        TestAccounts.signIn(user);
        return user;
    }

    /** The page the browser is told to load instead (a full redirect, as to the login), or null. */
    private static Object redirectedTo() {
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(pending -> pending.getInvocation())
                .filter(js -> js.getExpression().contains("window.open("))
                .map(js -> js.getParameters().getFirst())
                .reduce((first, last) -> last)
                .orElse(null);
    }

    /** The last text direction the server told the browser to use. */
    private static Object documentDirection() {
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(pending -> pending.getInvocation())
                .filter(js -> js.getExpression().equals("document.dir = $0"))
                .map(js -> js.getParameters().getFirst())
                .reduce((first, last) -> last)
                .orElse(null);
    }
}
