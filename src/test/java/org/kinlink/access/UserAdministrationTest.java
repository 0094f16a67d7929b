package org.kinlink.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kinlink.AuditEvents;
import org.kinlink.ConcurrentChange;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithMockUser;

/** Administrators manage accounts but never choose a user's password (A6). */
@IntegrationTest
class UserAdministrationTest {

    @Autowired
    UserAdministration administration;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    SessionRegistry sessionRegistry;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    @WithMockUser(roles = Roles.ADMIN)
    void a_new_user_gets_a_one_time_password_that_must_be_changed_at_first_sign_in() {
        String username = TestAccounts.uniqueName("new");
        long before = AuditEvents.newest(jdbc);

        var password = administration.createUser(new NewUser(username, "Mina Azadeh", Set.of(Roles.AUDITOR), Set.of()));

        assertThat(password.username()).isEqualTo(username);
        assertThat(password.password()).hasSizeGreaterThanOrEqualTo(PasswordPolicy.MIN_LENGTH);
        assertThat(password.toString()).doesNotContain(password.password());
        var created = summaryOf(username);
        assertThat(created.mustChangePassword()).isTrue();
        assertThat(created.roles()).containsExactly(Roles.AUDITOR);
        String hash =
                jdbc.queryForObject("SELECT password_hash FROM app_user WHERE id = ?", String.class, created.id());
        assertThat(encoder.matches(password.password(), hash)).isTrue();
        assertThat(AuditEvents.since(jdbc, before, "USER_CREATED"))
                .singleElement()
                .satisfies(event -> assertThat(event)
                        .containsEntry("object_id", Long.toString(created.id()))
                        .containsEntry("outcome", "SUCCESS"));
    }

    @Test
    @WithMockUser(roles = Roles.ADMIN)
    void two_users_cannot_share_a_username() {
        String username = TestAccounts.uniqueName("dup");
        administration.createUser(new NewUser(username, "First", Set.of(Roles.AUDITOR), Set.of()));

        assertThatThrownBy(() ->
                        administration.createUser(new NewUser(username, "Second", Set.of(Roles.AUDITOR), Set.of())))
                .isInstanceOfSatisfying(
                        org.kinlink.InvalidInput.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("user.username-taken"));
    }

    /** R1: a save based on a version someone else has already replaced is refused, not applied. */
    @Test
    @WithMockUser(roles = Roles.ADMIN)
    void an_edit_of_a_user_someone_else_changed_meanwhile_is_refused() {
        String username = TestAccounts.uniqueName("stale");
        administration.createUser(new NewUser(username, "Tomas Ekberg", Set.of(Roles.AUDITOR), Set.of()));
        var loaded = summaryOf(username);
        administration.updateUser(
                new UserChanges(loaded.id(), loaded.version(), "Tomas E. Ekberg", Set.of(Roles.AUDITOR), Set.of()));

        assertThatThrownBy(() -> administration.updateUser(
                        new UserChanges(loaded.id(), loaded.version(), "T. Ekberg", Set.of(Roles.ADMIN), Set.of())))
                .isInstanceOf(ConcurrentChange.class);
        var kept = summaryOf(username);
        assertThat(kept.displayName()).isEqualTo("Tomas E. Ekberg");
        assertThat(kept.roles()).containsExactly(Roles.AUDITOR);
    }

    @Test
    @WithMockUser(roles = Roles.ADMIN)
    void a_password_reset_gives_a_new_one_time_password_that_must_be_changed() {
        String username = TestAccounts.uniqueName("reset");
        var first = administration.createUser(new NewUser(username, "Parisa", Set.of(Roles.AUDITOR), Set.of()));
        var loaded = summaryOf(username);

        var second = administration.resetPassword(loaded.id(), loaded.version());

        assertThat(second.password()).isNotEqualTo(first.password());
        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE id = ?", String.class, loaded.id());
        assertThat(encoder.matches(second.password(), hash)).isTrue();
        assertThat(encoder.matches(first.password(), hash)).isFalse();
        assertThat(summaryOf(username).mustChangePassword()).isTrue();
    }

    @Test
    @WithMockUser(roles = {Roles.CASEWORKER, Roles.COORDINATOR, Roles.AUDITOR})
    void nobody_but_an_administrator_may_list_create_edit_or_reset_users() {
        assertThatThrownBy(() -> administration.users()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.teams()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.createUser(
                        new NewUser(TestAccounts.uniqueName("sneaky"), "Sneaky", Set.of(Roles.ADMIN), Set.of())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(
                        () -> administration.updateUser(new UserChanges(1, 0, "Sneaky", Set.of(Roles.ADMIN), Set.of())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.resetPassword(1, 0)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.setEnabled(1, 0, false)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.createTeam("Sneaky team", ""))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void nobody_signed_out_may_use_user_administration() {
        assertThatThrownBy(() -> administration.users())
                .isInstanceOf(org.springframework.security.core.AuthenticationException.class);
    }

    @Test
    @WithMockUser(roles = Roles.ADMIN)
    @DisplayName("changing a user's roles or teams ends their sessions at once, a new name does not (S3)")
    void changing_roles_or_teams_ends_the_sessions() {
        var user = TestAccounts.create(
                context, TestAccounts.uniqueName("roles"), "right lantern harbour", Set.of(Roles.AUDITOR), false);
        String session = openSession(user);
        var loaded = summaryOf(user.getUsername());

        administration.updateUser(
                new UserChanges(loaded.id(), loaded.version(), "Renamed", Set.of(Roles.AUDITOR), Set.of()));
        assertThat(sessionRegistry.getSessionInformation(session).isExpired()).isFalse();

        long before = AuditEvents.newest(jdbc);
        var renamed = summaryOf(user.getUsername());
        administration.updateUser(
                new UserChanges(renamed.id(), renamed.version(), "Renamed", Set.of(Roles.COORDINATOR), Set.of()));

        assertThat(sessionRegistry.getSessionInformation(session).isExpired()).isTrue();
        assertThat(AuditEvents.since(jdbc, before, "USER_SESSIONS_ENDED"))
                .singleElement()
                .satisfies(event -> assertThat(event).containsEntry("object_id", Long.toString(user.id())));
    }

    @Test
    @WithMockUser(roles = Roles.ADMIN)
    @DisplayName("disabling a user ends their sessions at once and leaves other users' sessions alone (S3)")
    void disabling_a_user_ends_the_sessions() {
        var user = TestAccounts.create(
                context, TestAccounts.uniqueName("off"), "right lantern harbour", Set.of(Roles.AUDITOR), false);
        var other = TestAccounts.create(
                context, TestAccounts.uniqueName("on"), "right lantern harbour", Set.of(Roles.AUDITOR), false);
        String first = openSession(user);
        String second = openSession(user);
        String others = openSession(other);
        var loaded = summaryOf(user.getUsername());

        administration.setEnabled(loaded.id(), loaded.version(), false);

        assertThat(sessionRegistry.getSessionInformation(first).isExpired()).isTrue();
        assertThat(sessionRegistry.getSessionInformation(second).isExpired()).isTrue();
        assertThat(sessionRegistry.getSessionInformation(others).isExpired()).isFalse();
    }

    @Test
    @WithMockUser(roles = Roles.ADMIN)
    @DisplayName("an administrator ends all sessions of a user, and it is audited (S3)")
    void an_administrator_ends_the_sessions_of_a_user() {
        var user = TestAccounts.create(
                context, TestAccounts.uniqueName("end"), "right lantern harbour", Set.of(Roles.COORDINATOR), false);
        String session = openSession(user);
        long before = AuditEvents.newest(jdbc);

        int ended = administration.endSessions(user.id());

        assertThat(ended).isEqualTo(1);
        assertThat(sessionRegistry.getSessionInformation(session).isExpired()).isTrue();
        assertThat(AuditEvents.since(jdbc, before, "USER_SESSIONS_ENDED"))
                .singleElement()
                .satisfies(event -> assertThat(event)
                        .containsEntry("object_id", Long.toString(user.id()))
                        .containsEntry("outcome", "SUCCESS"));
    }

    @Test
    @WithMockUser(roles = {Roles.CASEWORKER, Roles.COORDINATOR, Roles.AUDITOR})
    @DisplayName("nobody but an administrator may end another user's sessions (S3)")
    void nobody_else_may_end_sessions() {
        assertThatThrownBy(() -> administration.endSessions(1)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @DisplayName(
            "A3, A6, S3: an administrator resets a lost second factor with a reason: authenticator and recovery codes go, sessions end, audited")
    void an_administrator_resets_a_lost_second_factor() {
        var user = TestAccounts.create(
                context, TestAccounts.uniqueName("lost"), "right lantern harbour", Set.of(Roles.AUDITOR), false);
        TestAccounts.signIn(user);
        var secondFactor = context.getBean(SecondFactor.class);
        var enrolment = secondFactor.startEnrolment();
        secondFactor.confirmEnrolment(TestAccounts.totpCode(enrolment.secret(), 0));
        String session = openSession(user);
        long stampBefore = stamp(user.id());
        var admin = TestAccounts.create(
                context, TestAccounts.uniqueName("admin"), "right lantern harbour", Set.of(Roles.ADMIN), false);
        TestAccounts.signInConfirmed(admin);
        var loaded = summaryOf(user.getUsername());

        assertThatThrownBy(() -> administration.resetSecondFactor(loaded.id(), loaded.version(), " "))
                .isInstanceOfSatisfying(
                        org.kinlink.InvalidInput.class,
                        e -> assertThat(e.field()).isEqualTo("reason"));
        long before = AuditEvents.newest(jdbc);
        administration.resetSecondFactor(loaded.id(), loaded.version(), "phone lost; identity checked in person");

        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM totp_credential WHERE user_id = ?", Integer.class, user.id()))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM recovery_code WHERE user_id = ?", Integer.class, user.id()))
                .isZero();
        assertThat(sessionRegistry.getSessionInformation(session).isExpired()).isTrue();
        assertThat(stamp(user.id())).isGreaterThan(stampBefore);
        assertThat(AuditEvents.since(jdbc, before, "SECOND_FACTOR_RESET"))
                .singleElement()
                .satisfies(event -> assertThat(event)
                        .containsEntry("object_id", Long.toString(user.id()))
                        .containsEntry("actor_name", admin.getUsername())
                        .hasEntrySatisfying(
                                "reason", reason -> assertThat((String) reason).contains("phone lost")));
        // at the next sign-in the user has no authenticator and must enrol a new one (and gets new recovery codes)
        TestAccounts.signIn(user);
        assertThat(secondFactor.enrolled()).isFalse();
    }

    @Test
    @DisplayName("A6: an administrator cannot reset their own second factor, and a reset needs a step-up (S4)")
    void an_administrator_cannot_reset_their_own_second_factor() {
        var admin = TestAccounts.create(
                context, TestAccounts.uniqueName("admin"), "right lantern harbour", Set.of(Roles.ADMIN), false);
        var other = TestAccounts.create(
                context, TestAccounts.uniqueName("other"), "right lantern harbour", Set.of(Roles.AUDITOR), false);
        TestAccounts.signInConfirmed(admin);
        var own = summaryOf(admin.getUsername());

        assertThatThrownBy(() -> administration.resetSecondFactor(own.id(), own.version(), "I lost my phone"))
                .isInstanceOfSatisfying(
                        org.kinlink.InvalidInput.class,
                        e -> assertThat(e.messageKey()).isEqualTo("user.reset-own-second-factor"));

        TestAccounts.signIn(admin); // not re-confirmed
        var target = summaryOf(other.getUsername());
        assertThatThrownBy(() -> administration.resetSecondFactor(target.id(), target.version(), "phone lost"))
                .isInstanceOf(org.kinlink.StepUpRequired.class);
    }

    @Test
    @WithMockUser(roles = Roles.ADMIN)
    @DisplayName("S3: an administrator's password reset ends the user's sessions")
    void a_password_reset_ends_the_sessions() {
        var user = TestAccounts.create(
                context, TestAccounts.uniqueName("pwreset"), "right lantern harbour", Set.of(Roles.AUDITOR), false);
        String session = openSession(user);
        long stampBefore = stamp(user.id());
        var loaded = summaryOf(user.getUsername());

        administration.resetPassword(loaded.id(), loaded.version());

        assertThat(sessionRegistry.getSessionInformation(session).isExpired()).isTrue();
        assertThat(stamp(user.id())).isGreaterThan(stampBefore);
    }

    private long stamp(long userId) {
        Long stamp = jdbc.queryForObject("SELECT session_stamp FROM app_user WHERE id = ?", Long.class, userId);
        return stamp == null ? 0 : stamp;
    }

    /** S4 is tested in StepUpTest; here administrators have just re-confirmed. */
    @org.junit.jupiter.api.BeforeEach
    void reconfirmed() {
        TestAccounts.confirmStepUp();
    }

    @org.junit.jupiter.api.AfterEach
    void signOut() {
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }

    /** A session as sign-in registers it. */
    private String openSession(KinlinkUser user) {
        String id = TestAccounts.uniqueName("session");
        sessionRegistry.registerNewSession(id, user);
        return id;
    }

    private UserSummary summaryOf(String username) {
        return administration.users().stream()
                .filter(user -> user.username().equals(username))
                .findFirst()
                .orElseThrow();
    }
}
