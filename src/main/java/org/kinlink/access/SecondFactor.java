package org.kinlink.access;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.kinlink.InvalidInput;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.kinlink.crypto.FieldBinding;
import org.kinlink.crypto.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The TOTP second factor of the signed-in user (A3): enrolment, the code asked after the password,
 * recovery codes. Passing it adds the authority {@link #FACTOR_TOTP} to the session's
 * authentication. Secrets are 20 bytes from {@link SecureRandom}, encrypted and bound to the user's
 * row; each code is accepted once (the last used time step is stored); each recovery code once.
 * A recovery code stands in for a code at the second step; it never skips the second step.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class SecondFactor {

    /** Granted once the second factor has been passed in this session. */
    public static final String FACTOR_TOTP = "FACTOR_TOTP";

    static final int RECOVERY_CODES = 10;

    private static final String ISSUER = "Kinlink";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUser currentUser;
    private final SecondFactorPolicy policy;
    private final SignInThrottle throttle;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SecondFactor(
            JdbcClient jdbc,
            FieldCipher cipher,
            PasswordEncoder passwordEncoder,
            CurrentUser currentUser,
            SecondFactorPolicy policy,
            SignInThrottle throttle,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.passwordEncoder = passwordEncoder;
        this.currentUser = currentUser;
        this.policy = policy;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether this user must still pass (or set up) the second factor before anything else. */
    public boolean pending() {
        return policy.required() && !passed();
    }

    /** Whether the second factor has been passed in this session. */
    public boolean passed() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(authority -> FACTOR_TOTP.equals(authority.getAuthority()));
    }

    @Transactional(readOnly = true)
    public boolean enrolled() {
        return Boolean.TRUE.equals(jdbc.sql("SELECT confirmed_at IS NOT NULL FROM totp_credential WHERE user_id = ?")
                .param(userId())
                .query(Boolean.class)
                .optional()
                .orElse(false));
    }

    /** A new secret for a user who has none yet (an unconfirmed earlier one is replaced). */
    @Transactional
    public TotpEnrolment startEnrolment() {
        long userId = userId();
        if (enrolled()) {
            throw new InvalidInput("code", "second-factor.already-enrolled");
        }
        byte[] secret = new byte[Totp.SECRET_BYTES];
        random.nextBytes(secret);
        String stored = cipher.encrypt(Base64.getEncoder().encodeToString(secret), binding(userId));
        jdbc.sql("DELETE FROM totp_credential WHERE user_id = ? AND confirmed_at IS NULL")
                .param(userId)
                .update();
        jdbc.sql("INSERT INTO totp_credential (user_id, secret, created_at) VALUES (?, ?, ?)")
                .params(userId, stored, now())
                .update();
        // L1: a change to the account (an unconfirmed earlier secret is replaced); never the secret itself
        audit.record(AuditEntry.success("SECOND_FACTOR_ENROLMENT_STARTED", "USER", userId));
        String base32 = Totp.base32(secret);
        String label = URLEncoder.encode(ISSUER + ":" + currentUser.require().getUsername(), StandardCharsets.UTF_8)
                .replace("+", "%20");
        String uri = "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + ISSUER + "&algorithm=SHA1&digits="
                + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
        return new TotpEnrolment(base32, uri);
    }

    /**
     * Confirms the enrolment with a code from the app, passes the second factor for this session
     * and returns the ten recovery codes, which are shown once and stored only as hashes.
     */
    @Transactional
    public List<String> confirmEnrolment(String code) {
        long userId = userId();
        var credential = credential(userId).orElseThrow(() -> new InvalidInput("code", "second-factor.not-started"));
        if (credential.confirmed()) {
            throw new InvalidInput("code", "second-factor.already-enrolled");
        }
        long step = Totp.matchingStep(credential.secret(), code.strip(), clock.instant());
        if (step < 0) {
            audit.recordIndependently(
                    AuditEntry.failure("SECOND_FACTOR_FAILED", "USER", userId).because("enrolment code wrong"));
            throw new InvalidInput("code", "second-factor.code-wrong");
        }
        jdbc.sql("UPDATE totp_credential SET confirmed_at = ?, last_used_step = ? WHERE user_id = ?")
                .params(now(), step, userId)
                .update();
        jdbc.sql("DELETE FROM recovery_code WHERE user_id = ?").param(userId).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = Passwords.recoveryCode();
            codes.add(recovery);
            jdbc.sql("INSERT INTO recovery_code (user_id, code_hash) VALUES (?, ?)")
                    .params(userId, passwordEncoder.encode(normalise(recovery)))
                    .update();
        }
        audit.record(AuditEntry.success("SECOND_FACTOR_ENROLLED", "USER", userId));
        grantFactor();
        return List.copyOf(codes);
    }

    /**
     * The second step of signing in: a code from the app, or one of the recovery codes. Wrong codes
     * are audited and count towards the sign-in throttle (A4), like wrong passwords.
     */
    @Transactional
    public void verify(String code) {
        long userId = userId();
        String username = currentUser.require().getUsername();
        if (throttle.blockedUntil(username, null).isPresent()) {
            audit.recordIndependently(
                    AuditEntry.denied("SECOND_FACTOR_FAILED", "USER", userId).because("throttled"));
            throw new InvalidInput("code", "second-factor.wait");
        }
        var credential = credential(userId)
                .filter(Credential::confirmed)
                .orElseThrow(() -> new InvalidInput("code", "second-factor.not-enrolled"));
        String typed = code.strip();
        long step = Totp.matchingStep(credential.secret(), typed, clock.instant());
        String how;
        if (step >= 0) {
            // single use: the step must be later than the last one used, under a row lock
            int updated = jdbc.sql("UPDATE totp_credential SET last_used_step = ?"
                            + " WHERE user_id = ? AND (last_used_step IS NULL OR last_used_step < ?)")
                    .params(step, userId, step)
                    .update();
            if (updated == 0) {
                fail(userId, username, "code already used");
            }
            how = "app code";
        } else if (useRecoveryCode(userId, typed)) {
            how = "recovery code";
        } else {
            fail(userId, username, "code wrong");
            return;
        }
        throttle.succeeded(username);
        audit.record(AuditEntry.success("SECOND_FACTOR_PASSED", "USER", userId).because(how));
        grantFactor();
    }

    /** How many unused recovery codes the user has left. */
    @Transactional(readOnly = true)
    public int recoveryCodesLeft() {
        return Objects.requireNonNull(
                jdbc.sql("SELECT COUNT(*) FROM recovery_code WHERE user_id = ? AND used_at IS NULL")
                        .param(userId())
                        .query(Integer.class)
                        .single());
    }

    private boolean useRecoveryCode(long userId, String typed) {
        String normalised = normalise(typed);
        if (!normalised.matches("[a-z0-9]{10}")) {
            return false;
        }
        var unused = jdbc.sql(
                        "SELECT id, code_hash FROM recovery_code WHERE user_id = ? AND used_at IS NULL FOR UPDATE")
                .param(userId)
                .query((rs, n) -> new RecoveryCode(rs.getLong(1), rs.getString(2)))
                .list();
        for (var candidate : unused) {
            if (passwordEncoder.matches(normalised, candidate.hash())) {
                return jdbc.sql("UPDATE recovery_code SET used_at = ? WHERE id = ? AND used_at IS NULL")
                                .params(now(), candidate.id())
                                .update()
                        == 1;
            }
        }
        return false;
    }

    private void fail(long userId, String username, String why) {
        throttle.failed(username, clientAddress());
        audit.recordIndependently(
                AuditEntry.failure("SECOND_FACTOR_FAILED", "USER", userId).because(why));
        throw new InvalidInput("code", "second-factor.code-wrong");
    }

    /** Adds FACTOR_TOTP to the signed-in authentication, in this thread and in the HTTP session. */
    private void grantFactor() {
        SignedInAuthentication.changeAuthorities(authorities -> {
            authorities.add(new SimpleGrantedAuthority(FACTOR_TOTP));
            return authorities;
        });
    }

    private static @Nullable String clientAddress() {
        return SignedInAuthentication.clientAddress();
    }

    private java.util.Optional<Credential> credential(long userId) {
        return jdbc.sql("SELECT secret, confirmed_at IS NOT NULL FROM totp_credential WHERE user_id = ? FOR UPDATE")
                .param(userId)
                .query((rs, n) -> new Credential(
                        Base64.getDecoder()
                                .decode(Objects.requireNonNull(cipher.decrypt(rs.getString(1), binding(userId)))),
                        rs.getBoolean(2)))
                .optional();
    }

    static FieldBinding binding(long userId) {
        return new FieldBinding("totp_credential", "secret", Long.toString(userId));
    }

    private static String normalise(String recoveryCode) {
        return recoveryCode.replaceAll("[\\s-]", "").toLowerCase(java.util.Locale.ROOT);
    }

    private long userId() {
        return currentUser.require().id();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private record Credential(byte[] secret, boolean confirmed) {}

    private record RecoveryCode(long id, String hash) {}
}
