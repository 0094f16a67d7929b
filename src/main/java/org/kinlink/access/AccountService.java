package org.kinlink.access;

import java.time.Clock;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.kinlink.InvalidInput;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What signed-in users do with their own account. */
@Service
@PreAuthorize("isAuthenticated()")
public class AccountService {

    private final UserAccountRepository users;
    private final CurrentUser currentUser;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;
    private final UserSessions sessions;
    private final SignInThrottle throttle;

    AccountService(
            UserAccountRepository users,
            CurrentUser currentUser,
            PasswordEncoder passwordEncoder,
            PasswordPolicy policy,
            AuditTrail audit,
            Clock clock,
            UserSessions sessions,
            SignInThrottle throttle) {
        this.sessions = sessions;
        this.throttle = throttle;
        this.users = users;
        this.currentUser = currentUser;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean mustChangePassword() {
        return account().mustChangePassword();
    }

    /**
     * Replaces the signed-in user's password. The current one is asked again so that an unattended
     * session cannot be taken over; guessing it is throttled like signing in (A4). The user's
     * other sessions end (S3, on every node); this one stays signed in.
     */
    @Transactional
    public void changePassword(String currentPassword, String newPassword, String repeatedPassword) {
        UserAccount account = account();
        if (throttle.blockedUntil(account.username(), null).isPresent()) {
            audit.recordIndependently(
                    AuditEntry.denied("PASSWORD_CHANGE", "USER", account.id()).because("throttled"));
            throw new InvalidInput("currentPassword", "password.wait");
        }
        if (!passwordEncoder.matches(currentPassword, account.passwordHash())) {
            // the refusal rolls this transaction back; the failed attempt must be kept all the same (L1)
            throttle.failed(account.username(), null);
            audit.recordIndependently(
                    AuditEntry.failure("PASSWORD_CHANGE", "USER", account.id()).because("current password wrong"));
            throw new InvalidInput("currentPassword", "password.current-wrong");
        }
        policy.check("newPassword", newPassword, account.username());
        if (!newPassword.equals(repeatedPassword)) {
            throw new InvalidInput("repeatedPassword", "password.mismatch");
        }
        if (passwordEncoder.matches(newPassword, account.passwordHash())) {
            throw new InvalidInput("newPassword", "password.unchanged");
        }
        account.setPasswordHash(passwordEncoder.encode(newPassword), false, clock.instant());
        audit.record(AuditEntry.success("PASSWORD_CHANGED", "USER", account.id()));
        sessions.endOthers(account.id());
    }

    /** Remembers the language the user chose (a BCP 47 tag such as {@code fa}), or none; recorded (L1). */
    @Transactional
    public void setPreferredLocale(@Nullable Locale locale) {
        UserAccount account = account();
        String tag = locale == null ? null : locale.toLanguageTag();
        if (java.util.Objects.equals(tag, account.preferredLocale())) {
            return;
        }
        account.setPreferredLocale(tag);
        audit.record(AuditEntry.success("PREFERRED_LANGUAGE_CHANGED", "USER", account.id())
                .because(tag == null ? "none" : tag));
    }

    @Transactional(readOnly = true)
    public @Nullable Locale preferredLocale() {
        String tag = account().preferredLocale();
        return tag == null ? null : Locale.forLanguageTag(tag);
    }

    private UserAccount account() {
        long id = currentUser.require().id();
        return users.findById(id).orElseThrow(() -> new IllegalStateException("signed-in user " + id + " is gone"));
    }
}
