package org.kinlink.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kinlink.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** A4: failed sign-ins are slowed per account and per address, with delays that grow and always end. */
@IntegrationTest
class SignInThrottleTest {

    @Autowired
    SignInThrottle applicationThrottle;

    final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T09:00:00Z"));
    SignInThrottle throttle;
    String username;
    String address;

    @BeforeEach
    void ownClockAndNames() {
        throttle = applicationThrottle.withClock(clock);
        username = TestAccounts.uniqueName("guess");
        address = "198.51.100." + TestAccounts.uniqueName("x");
    }

    @Test
    @DisplayName(
            "the first three failures cost nothing, then the delay doubles from one second to a cap of a minute (A4)")
    void delays_grow_and_are_capped() {
        var kind = SignInThrottle.Kind.ACCOUNT;
        assertThat(SignInThrottle.delayAfter(kind, 1)).isZero();
        assertThat(SignInThrottle.delayAfter(kind, 3)).isZero();
        assertThat(SignInThrottle.delayAfter(kind, 4)).hasSeconds(1);
        assertThat(SignInThrottle.delayAfter(kind, 5)).hasSeconds(2);
        assertThat(SignInThrottle.delayAfter(kind, 9)).hasSeconds(32);
        assertThat(SignInThrottle.delayAfter(kind, 10)).hasSeconds(60);
        assertThat(SignInThrottle.delayAfter(kind, 1000)).hasSeconds(60);
        assertThat(SignInThrottle.delayAfter(SignInThrottle.Kind.ADDRESS, 10)).isZero();
        assertThat(SignInThrottle.delayAfter(SignInThrottle.Kind.ADDRESS, 11)).hasSeconds(1);
    }

    @Test
    @DisplayName("an account is blocked after its fourth failure, only until the delay has passed (A4)")
    void an_account_is_blocked_for_a_while_after_repeated_failures() {
        for (int i = 0; i < 3; i++) {
            throttle.failed(username, address);
            assertThat(throttle.blockedUntil(username, address)).isEmpty();
        }

        throttle.failed(username, address);

        assertThat(throttle.blockedUntil(username, address))
                .contains(clock.instant().plusSeconds(1));
        clock.advance(Duration.ofMillis(1001));
        assertThat(throttle.blockedUntil(username, address)).isEmpty();
        throttle.failed(username, address);
        assertThat(throttle.blockedUntil(username, address))
                .contains(clock.instant().plusSeconds(2));
    }

    @Test
    @DisplayName("the block of an account holds from any address, and an address's block holds for any account (A4)")
    void account_and_address_are_throttled_separately() {
        for (int i = 0; i < 4; i++) {
            throttle.failed(username, address);
        }
        assertThat(throttle.blockedUntil(username, "203.0.113.9")).isPresent();
        assertThat(throttle.blockedUntil(TestAccounts.uniqueName("other"), address))
                .isEmpty();

        // an address trying many accounts: each account fails only once
        String sprayer = "192.0.2." + TestAccounts.uniqueName("x");
        for (int i = 0; i < 11; i++) {
            throttle.failed(TestAccounts.uniqueName("spray"), sprayer);
        }
        assertThat(throttle.blockedUntil(TestAccounts.uniqueName("anyone"), sprayer))
                .isPresent();
    }

    @Test
    @DisplayName("there is no permanent lockout: the delay never exceeds a minute and the count lapses (A4)")
    void no_permanent_lockout() {
        for (int i = 0; i < 50; i++) {
            throttle.failed(username, address);
        }
        assertThat(throttle.blockedUntil(username, address))
                .contains(clock.instant().plusSeconds(60));

        clock.advance(SignInThrottle.WINDOW.plusSeconds(1));
        throttle.failed(username, address);

        assertThat(throttle.blockedUntil(username, address)).isEmpty();
    }

    @Test
    @DisplayName("a successful sign-in resets the account's count but not the address's (A4)")
    void success_resets_the_account() {
        for (int i = 0; i < 4; i++) {
            throttle.failed(username, null);
        }
        assertThat(throttle.blockedUntil(username, null)).isPresent();

        throttle.succeeded(username);

        assertThat(throttle.blockedUntil(username, null)).isEmpty();
        throttle.failed(username, null);
        assertThat(throttle.blockedUntil(username, null)).isEmpty();
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    @DisplayName("A4: spellings the database treats as the same account (case, accents, spaces) share one count")
    void spellings_of_one_account_share_its_count() {
        String name = TestAccounts.uniqueName("alias");
        TestAccounts.create(context, name, "right lantern harbour", java.util.Set.of(org.kinlink.Roles.AUDITOR), false);
        String accented = name.replaceFirst("a", "\u00e1");
        throttle.failed(name.toUpperCase(java.util.Locale.ROOT), null);
        throttle.failed(accented, null);
        throttle.failed(name + " ", null);
        throttle.failed(accented.toUpperCase(java.util.Locale.ROOT), null);

        assertThat(throttle.blockedUntil(name, null)).isPresent();
        assertThat(throttle.blockedUntil(accented, null)).isPresent();
    }

    static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
