package org.kinlink.access.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.kinlink.access.TestAccounts;
import org.kinlink.access.UserSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Administrators create users on screen and hand over a one-time password (A6). */
@IntegrationTest
@ViewPackages(packages = "org.kinlink")
class UsersViewTest extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    SessionRegistry sessionRegistry;

    @BeforeEach
    void signInAsAdministrator() {
        TestAccounts.signIn(TestAccounts.create(
                context, TestAccounts.uniqueName("admin"), "first lantern harbour", Set.of(Roles.ADMIN), false));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void an_administrator_creates_a_user_and_is_shown_their_one_time_password() {
        String username = TestAccounts.uniqueName("mina");
        navigate(UsersView.class);

        test($(Button.class).withText("New user").single()).click();
        test($(TextField.class).withLabel("Username").single()).setValue(username);
        test($(TextField.class).withLabel("Name").single()).setValue("Mina Azadeh");
        test($(CheckboxGroup.class).withLabel("Roles").single()).selectItem("Auditor");
        test($(Button.class).withText("Save").single()).click();

        String shown =
                $(Span.class).withClassName("kl-one-time-password").single().getText();
        String hash =
                jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = ?", String.class, username);
        assertThat(encoder.matches(shown, hash)).isTrue();
        var grid = test(((UsersView) getCurrentView()).grid);
        assertThat(IntStream.range(0, grid.size()).mapToObj(grid::getRow).map(UserSummary::username))
                .contains(username);
    }

    @Test
    @DisplayName("an administrator ends all sessions of a user from the users page (S3)")
    void an_administrator_ends_the_sessions_of_a_user() {
        var user = TestAccounts.create(
                context, TestAccounts.uniqueName("busy"), "first lantern harbour", Set.of(Roles.AUDITOR), false);
        String session = TestAccounts.uniqueName("session");
        sessionRegistry.registerNewSession(session, user);
        navigate(UsersView.class);
        var grid = test(((UsersView) getCurrentView()).grid);
        int row = IntStream.range(0, grid.size())
                .filter(index -> grid.getRow(index).id() == user.id())
                .findFirst()
                .orElseThrow();

        var actions = (HorizontalLayout) grid.getCellComponent(row, 6);
        test($(Button.class).from(actions).withText("End sessions").single()).click();

        assertThat(sessionRegistry.getSessionInformation(session).isExpired()).isTrue();
    }

    @Test
    @DisplayName("A3, A6, S4: an administrator resets a lost second factor with a reason, after re-confirming")
    void an_administrator_resets_a_second_factor_after_a_step_up() {
        var user = TestAccounts.create(
                context, TestAccounts.uniqueName("lost"), "first lantern harbour", Set.of(Roles.AUDITOR), false);
        jdbc.update(
                "INSERT INTO recovery_code (user_id, code_hash) VALUES (?, ?)",
                user.id(),
                encoder.encode("abcdefghij"));
        navigate(UsersView.class);
        var grid = test(((UsersView) getCurrentView()).grid);
        int row = IntStream.range(0, grid.size())
                .filter(index -> grid.getRow(index).id() == user.id())
                .findFirst()
                .orElseThrow();

        var actions = (HorizontalLayout) grid.getCellComponent(row, 6);
        test($(Button.class).from(actions).withText("Reset second factor").single())
                .click();
        var dialog = $(com.vaadin.flow.component.dialog.Dialog.class).single();
        test($(com.vaadin.flow.component.textfield.TextArea.class).from(dialog).single())
                .setValue("phone lost; identity checked in person");
        test($(Button.class).from(dialog).withText("Reset").single()).click();
        var stepUp = $(org.kinlink.ui.StepUpDialog.class).single();
        test($(com.vaadin.flow.component.textfield.PasswordField.class)
                        .from(stepUp)
                        .single())
                .setValue("first lantern harbour");
        test($(Button.class).from(stepUp).withText("Confirm").single()).click();

        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM recovery_code WHERE user_id = ?", Integer.class, user.id()))
                .isZero();
        assertThat($(org.kinlink.ui.StepUpDialog.class).all()).isEmpty();
    }

    /** I3: the refusal appears next to the field, and what was entered stays. */
    @Test
    void a_username_that_is_already_taken_is_refused_on_its_field() {
        navigate(UsersView.class);

        test($(Button.class).withText("New user").single()).click();
        test($(TextField.class).withLabel("Username").single()).setValue("admin");
        test($(TextField.class).withLabel("Name").single()).setValue("Second Administrator");
        test($(CheckboxGroup.class).withLabel("Roles").single()).selectItem("Administrator");
        test($(Button.class).withText("Save").single()).click();

        var username = $(TextField.class).withLabel("Username").single();
        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).isEqualTo("This username is already in use.");
        assertThat($(TextField.class).withLabel("Name").single().getValue()).isEqualTo("Second Administrator");
        assertThat($(Span.class).withClassName("kl-one-time-password").exists()).isFalse();
    }
}
