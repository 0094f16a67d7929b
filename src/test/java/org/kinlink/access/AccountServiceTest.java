package org.kinlink.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.AuditEvents;
import org.kinlink.IntegrationTest;
import org.kinlink.InvalidInput;
import org.kinlink.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** What signed-in users do with their own account. */
@IntegrationTest
class AccountServiceTest {

    private static final String PASSWORD = "first lantern harbour";

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    KinlinkUser user;

    @BeforeEach
    void signIn() {
        user = TestAccounts.create(context, TestAccounts.uniqueName("acc"), PASSWORD, Set.of(Roles.COORDINATOR), true);
        TestAccounts.signIn(user);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_wrong_current_password_is_refused_on_that_field_and_the_attempt_is_audited() {
        long before = AuditEvents.newest(jdbc);

        var refused = catchThrowableOfType(
                InvalidInput.class,
                () -> accounts.changePassword("not my password", "second lantern harbour", "second lantern harbour"));

        assertThat(refused.field()).isEqualTo("currentPassword");
        assertThat(refused.messageKey()).isEqualTo("password.current-wrong");
        assertThat(accounts.mustChangePassword()).isTrue();
        var events = AuditEvents.since(jdbc, before, "PASSWORD_CHANGE");
        assertThat(events).hasSize(1);
        assertThat(events.getFirst())
                .containsEntry("outcome", "FAILURE")
                .containsEntry("object_id", Long.toString(user.id()))
                .containsEntry("actor_name", user.getUsername());
    }

    @Test
    void a_new_password_that_breaks_the_policy_is_refused_on_that_field() {
        var refused = catchThrowableOfType(
                InvalidInput.class, () -> accounts.changePassword(PASSWORD, "123qweasdzxc", "123qweasdzxc"));

        assertThat(refused.field()).isEqualTo("newPassword");
        assertThat(refused.messageKey()).isEqualTo("password.too-common");
    }

    @Test
    void a_mistyped_repetition_is_refused_on_that_field() {
        var refused = catchThrowableOfType(
                InvalidInput.class,
                () -> accounts.changePassword(PASSWORD, "second lantern harbour", "second lantern harbor"));

        assertThat(refused.field()).isEqualTo("repeatedPassword");
    }

    @Test
    void a_changed_password_replaces_the_old_one_and_ends_the_obligation_to_change_it() {
        long before = AuditEvents.newest(jdbc);

        accounts.changePassword(PASSWORD, "second lantern harbour", "second lantern harbour");

        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE id = ?", String.class, user.id());
        assertThat(encoder.matches("second lantern harbour", hash)).isTrue();
        assertThat(encoder.matches(PASSWORD, hash)).isFalse();
        assertThat(accounts.mustChangePassword()).isFalse();
        assertThat(AuditEvents.since(jdbc, before, "PASSWORD_CHANGED"))
                .singleElement()
                .satisfies(event -> assertThat(event).containsEntry("object_id", Long.toString(user.id())));
    }

    @Test
    void L1_S3_a_password_change_ends_the_other_sessions_on_every_node_and_keeps_this_one() {
        Long stampBefore =
                jdbc.queryForObject("SELECT session_stamp FROM app_user WHERE id = ?", Long.class, user.id());

        accounts.changePassword(PASSWORD, "second lantern harbour", "second lantern harbour");

        assertThat(jdbc.queryForObject("SELECT session_stamp FROM app_user WHERE id = ?", Long.class, user.id()))
                .isGreaterThan(stampBefore);
    }

    @Test
    void L1_a_change_of_language_is_recorded() {
        long before = AuditEvents.newest(jdbc);

        accounts.setPreferredLocale(java.util.Locale.forLanguageTag("fa"));
        accounts.setPreferredLocale(java.util.Locale.forLanguageTag("fa"));

        assertThat(AuditEvents.since(jdbc, before, "PREFERRED_LANGUAGE_CHANGED"))
                .singleElement()
                .satisfies(event -> assertThat(event).containsEntry("reason", "fa"));
    }

    @Test
    void A4_guessing_the_current_password_is_throttled_like_signing_in() {
        for (int i = 0; i < 4; i++) {
            String guess = "guess number " + i + " lantern";
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> accounts.changePassword(guess, "second lantern harbour", "second lantern harbour"))
                    .isInstanceOf(org.kinlink.InvalidInput.class);
        }

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> accounts.changePassword(PASSWORD, "second lantern harbour", "second lantern harbour"))
                .isInstanceOfSatisfying(
                        org.kinlink.InvalidInput.class,
                        e -> assertThat(e.messageKey()).isEqualTo("password.wait"));
    }
}
