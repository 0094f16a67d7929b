package org.kinlink.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kinlink.AuditEvents;
import org.kinlink.IntegrationTest;
import org.kinlink.InvalidInput;
import org.kinlink.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/** A3: the TOTP second factor: enrolment, codes used once, recovery codes used once. */
@IntegrationTest
class SecondFactorTest {

    @Autowired
    SecondFactor secondFactor;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    KinlinkUser user;

    @BeforeEach
    void signIn() {
        user = TestAccounts.create(
                context, TestAccounts.uniqueName("totp"), "right lantern harbour", Set.of(Roles.AUDITOR), false);
        TestAccounts.signIn(user);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    @DisplayName(
            "enrolment is confirmed by a code from the app, stores the secret encrypted and gives ten recovery codes (A3)")
    void enrolment() {
        var enrolment = secondFactor.startEnrolment();
        assertThat(enrolment.uri()).startsWith("otpauth://totp/").contains("secret=" + enrolment.secret());
        assertThat(enrolment.secret()).hasSize(32); // 20 bytes in base32
        long before = AuditEvents.newest(jdbc);

        assertThatThrownBy(() -> secondFactor.confirmEnrolment("000000"))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        refused -> assertThat(refused.field()).isEqualTo("code"));
        assertThat(secondFactor.enrolled()).isFalse();
        List<String> codes = secondFactor.confirmEnrolment(TestAccounts.totpCode(enrolment.secret(), 0));

        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        assertThat(secondFactor.enrolled()).isTrue();
        assertThat(secondFactor.passed()).isTrue();
        assertThat(jdbc.queryForObject("SELECT secret FROM totp_credential WHERE user_id = ?", String.class, user.id()))
                .doesNotContain(enrolment.secret());
        assertThat(jdbc.queryForList("SELECT code_hash FROM recovery_code WHERE user_id = ?", String.class, user.id()))
                .hasSize(10)
                .allSatisfy(hash -> assertThat(hash).startsWith("{argon2}"))
                .noneMatch(hash -> codes.stream().anyMatch(hash::contains));
        assertThat(AuditEvents.since(jdbc, before, "SECOND_FACTOR_FAILED")).hasSize(1);
        assertThat(AuditEvents.since(jdbc, before, "SECOND_FACTOR_ENROLLED")).hasSize(1);
    }

    @Test
    @DisplayName("a code from the app passes the second factor once; the same code again is refused and audited (A3)")
    void a_code_is_used_once() {
        var enrolment = secondFactor.startEnrolment();
        secondFactor.confirmEnrolment(TestAccounts.totpCode(enrolment.secret(), -1));
        String code = TestAccounts.totpCode(enrolment.secret(), 0);

        signInAgain();
        assertThat(secondFactor.passed()).isFalse();
        long before = AuditEvents.newest(jdbc);
        secondFactor.verify(code);
        assertThat(secondFactor.passed()).isTrue();

        signInAgain();
        assertThatThrownBy(() -> secondFactor.verify(code)).isInstanceOf(InvalidInput.class);
        assertThat(secondFactor.passed()).isFalse();
        assertThat(AuditEvents.since(jdbc, before, "SECOND_FACTOR_PASSED")).hasSize(1);
        assertThat(AuditEvents.since(jdbc, before, "SECOND_FACTOR_FAILED")).hasSize(1);
    }

    @Test
    @DisplayName("a recovery code stands in for a code from the app, once (A3)")
    void a_recovery_code_is_used_once() {
        var enrolment = secondFactor.startEnrolment();
        List<String> codes = secondFactor.confirmEnrolment(TestAccounts.totpCode(enrolment.secret(), 0));

        signInAgain();
        secondFactor.verify(codes.get(3).toUpperCase(java.util.Locale.ROOT));
        assertThat(secondFactor.passed()).isTrue();
        assertThat(secondFactor.recoveryCodesLeft()).isEqualTo(9);

        signInAgain();
        assertThatThrownBy(() -> secondFactor.verify(codes.get(3))).isInstanceOf(InvalidInput.class);
        assertThat(secondFactor.passed()).isFalse();
    }

    @Test
    @DisplayName("while the second factor is required, a signed-in user has it pending until it is passed (A3)")
    void pending_until_passed() {
        boolean before = TestAccounts.requireSecondFactor(context, true);
        try {
            assertThat(secondFactor.pending()).isTrue();
            var enrolment = secondFactor.startEnrolment();
            secondFactor.confirmEnrolment(TestAccounts.totpCode(enrolment.secret(), 0));
            assertThat(secondFactor.pending()).isFalse();
        } finally {
            TestAccounts.requireSecondFactor(context, before);
        }
    }

    @Test
    @DisplayName(
            "while the second factor is required, services refuse a user who has not passed it, and it is audited (A3)")
    void services_need_the_second_factor() {
        var accounts = context.getBean(AccountService.class);
        boolean before = TestAccounts.requireSecondFactor(context, true);
        try {
            long lastEvent = AuditEvents.newest(jdbc);
            assertThatThrownBy(accounts::mustChangePassword)
                    .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
            assertThat(AuditEvents.since(jdbc, lastEvent, "SECOND_FACTOR_REQUIRED"))
                    .hasSize(1);

            var enrolment = secondFactor.startEnrolment();
            secondFactor.confirmEnrolment(TestAccounts.totpCode(enrolment.secret(), 0));

            assertThat(accounts.mustChangePassword()).isFalse();
        } finally {
            TestAccounts.requireSecondFactor(context, before);
        }
    }

    /** A new session of the same user: the password passed, the second factor not yet. */
    private void signInAgain() {
        TestAccounts.signIn(user);
    }
}
