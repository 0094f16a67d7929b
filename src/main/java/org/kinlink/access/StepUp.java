package org.kinlink.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kinlink.InvalidInput;
import org.kinlink.StepUpCheck;
import org.kinlink.StepUpRequired;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.kinlink.crypto.FieldCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * S4: re-confirming the second factor before exports, location reveals and role or team changes,
 * enforced on the server. Services call {@link #require(String)} after their access checks; it
 * passes only when the current session re-confirmed within the window
 * ({@code kinlink.step-up.window}, default 5 minutes), otherwise it records STEP_UP_REQUIRED and
 * throws {@link StepUpRequired}.
 *
 * <p>{@link #confirm(String)} takes a fresh code from the authenticator app of a user who has one:
 * single use, sharing the "last used step" with sign-in, so a code typed at sign-in (or seen over a
 * shoulder and typed again) is refused. Recovery codes are deliberately not accepted: they exist to
 * get through sign-in when the phone is lost, and a user in that situation asks an administrator
 * to reset the second factor. A user without a second factor (the demo and test profiles switch it
 * off) re-confirms with their password instead. Wrong secrets are audited and count towards the
 * sign-in throttle (A4), so guessing here is as slow as guessing at the login.
 *
 * <p>The confirmation is kept as an authority of the session's authentication (with its time), so
 * it belongs to this session only and ends with it.
 */
@Component
public class StepUp implements StepUpCheck {

    /** Operation names, as recorded in STEP_UP_REQUIRED; other modules may add their own. */
    public static final String AUDIT_EXPORT = "audit-export";

    public static final String AUDIT_CHECKPOINT = "audit-checkpoint";

    public static final String REVEAL_LOCATION = "reveal-location";

    public static final String USER_ROLES = "user-roles";

    public static final String SECOND_FACTOR_RESET = "second-factor-reset";

    static final String AUTHORITY = "STEP_UP";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUser currentUser;
    private final UserAccountRepository users;
    private final SignInThrottle throttle;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration window;

    StepUp(
            JdbcClient jdbc,
            FieldCipher cipher,
            PasswordEncoder passwordEncoder,
            CurrentUser currentUser,
            UserAccountRepository users,
            SignInThrottle throttle,
            AuditTrail audit,
            Clock clock,
            @Value("${kinlink.step-up.window:5m}") Duration window) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.passwordEncoder = passwordEncoder;
        this.currentUser = currentUser;
        this.users = users;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
        this.window = window;
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public void require(String operation) {
        Instant now = clock.instant();
        boolean fresh = confirmedAt()
                .map(at -> !at.isAfter(now) && now.isBefore(at.plus(window)))
                .orElse(false);
        if (!fresh) {
            audit.recordIndependently(
                    AuditEntry.denied("STEP_UP_REQUIRED", "OPERATION", null).because(operation));
            throw new StepUpRequired(operation);
        }
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Method method() {
        return secret(currentUser.require().id()).isPresent() ? Method.CODE : Method.PASSWORD;
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void confirm(String secret) {
        KinlinkUser user = currentUser.require();
        long userId = user.id();
        String username = user.getUsername();
        if (throttle.blockedUntil(username, clientAddress()).isPresent()) {
            audit.recordIndependently(
                    AuditEntry.denied("STEP_UP_FAILED", "USER", userId).because("throttled"));
            throw new InvalidInput("secret", "step-up.wait");
        }
        String typed = secret.strip();
        var totpSecret = secret(userId);
        String how;
        if (totpSecret.isPresent()) {
            long step = Totp.matchingStep(totpSecret.get(), typed, clock.instant());
            if (step < 0) {
                fail(userId, username, "code wrong", "step-up.code-wrong");
            }
            // single use, shared with sign-in: the step must be later than the last one used
            int updated = jdbc.sql("UPDATE totp_credential SET last_used_step = ?"
                            + " WHERE user_id = ? AND (last_used_step IS NULL OR last_used_step < ?)")
                    .params(step, userId, step)
                    .update();
            if (updated == 0) {
                fail(userId, username, "code already used", "step-up.code-wrong");
            }
            how = "app code";
        } else {
            String hash = users.findById(userId).map(UserAccount::passwordHash).orElse(null);
            if (hash == null || typed.isEmpty() || !passwordEncoder.matches(secret, hash)) {
                fail(userId, username, "password wrong", "step-up.password-wrong");
            }
            how = "password";
        }
        throttle.succeeded(username);
        audit.record(AuditEntry.success("STEP_UP_CONFIRMED", "USER", userId).because(how));
        markConfirmed(clock.instant());
    }

    private void fail(long userId, String username, String why, String messageKey) {
        throttle.failed(username, clientAddress());
        audit.recordIndependently(
                AuditEntry.failure("STEP_UP_FAILED", "USER", userId).because(why));
        throw new InvalidInput("secret", messageKey);
    }

    /** The confirmed TOTP secret of the user, if they have a second factor. */
    private Optional<byte[]> secret(long userId) {
        return jdbc.sql("SELECT secret FROM totp_credential WHERE user_id = ? AND confirmed_at IS NOT NULL")
                .param(userId)
                .query((rs, n) -> Base64.getDecoder()
                        .decode(Objects.requireNonNull(cipher.decrypt(rs.getString(1), SecondFactor.binding(userId)))))
                .optional();
    }

    private static Optional<Instant> confirmedAt() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Optional.empty();
        }
        return authentication.getAuthorities().stream()
                .filter(Confirmed.class::isInstance)
                .map(authority -> ((Confirmed) authority).at())
                .max(Instant::compareTo);
    }

    /** Replaces any earlier confirmation of the session's authentication, in this thread and in the HTTP session. */
    private static void markConfirmed(Instant at) {
        SignedInAuthentication.changeAuthorities(authorities -> {
            authorities.removeIf(authority -> authority instanceof Confirmed);
            authorities.add(new Confirmed(at));
            return authorities;
        });
    }

    private static @Nullable String clientAddress() {
        return SignedInAuthentication.clientAddress();
    }

    /** The session re-confirmed at this time. */
    record Confirmed(Instant at) implements GrantedAuthority {
        @Override
        public String getAuthority() {
            return AUTHORITY;
        }
    }
}
