package org.kinlink.access;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.kinlink.Roles;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test users in the shared test database. Users are created the way an administrator creates them
 * ({@link UserAdministration}); only the password is then set directly, because no service lets
 * anyone choose another user's password (A6). Tests share the database, so every name is unique.
 *
 * <p>Deliberately not a Spring bean: test classes lie inside the application's component scan.
 */
public final class TestAccounts {

    private TestAccounts() {}

    /** A username no other test (in this run or an earlier one on the same database) uses, such as {@code cw-k3v9x0q2m4ab}. */
    public static String uniqueName(String prefix) {
        var random = ThreadLocalRandom.current();
        var name = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 12; i++) {
            name.append(Character.forDigit(random.nextInt(36), 36));
        }
        return name.toString();
    }

    /**
     * Creates a user with the roles (and, for a caseworker, a new team), then sets the password and
     * whether it must be changed at the next sign-in. Returns the user as sign-in would load it.
     */
    public static KinlinkUser create(
            ApplicationContext context,
            String username,
            String password,
            Set<String> roles,
            boolean mustChangePassword) {
        var administration = context.getBean(UserAdministration.class);
        asAdministrator(() -> {
            Set<Long> teams = new HashSet<>();
            if (roles.contains(Roles.CASEWORKER)) {
                teams.add(administration
                        .createTeam(uniqueName("team"), "test team")
                        .id());
            }
            return administration.createUser(new NewUser(username, "Test " + username, roles, teams));
        });
        setPassword(context, username, password, mustChangePassword);
        return load(context, username);
    }

    /** Replaces a user's password hash, as if they had chosen this password themselves. */
    public static void setPassword(
            ApplicationContext context, String username, String password, boolean mustChangePassword) {
        setPasswordHash(
                context, username, context.getBean(PasswordEncoder.class).encode(password), mustChangePassword);
    }

    /** Stores a ready-made hash, for example one made with weaker parameters than today's. */
    public static void setPasswordHash(
            ApplicationContext context, String username, String hash, boolean mustChangePassword) {
        var users = context.getBean(UserAccountRepository.class);
        new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(tx -> {
            var account = users.findByUsername(username).orElseThrow();
            account.setPasswordHash(hash, mustChangePassword, Instant.now());
        });
    }

    public static KinlinkUser load(ApplicationContext context, String username) {
        return (KinlinkUser) context.getBean(UserDetailsService.class).loadUserByUsername(username);
    }

    /** Makes the user the signed-in user of the current thread, as a successful sign-in does. */
    public static void signIn(KinlinkUser user) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    /**
     * Makes the user the signed-in user of the current thread, as if they had also just re-confirmed
     * their second factor (S4 step-up), for tests about something else than the step-up itself.
     */
    public static void signInConfirmed(KinlinkUser user) {
        var authorities =
                new java.util.ArrayList<org.springframework.security.core.GrantedAuthority>(user.getAuthorities());
        authorities.add(new StepUp.Confirmed(Instant.now()));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
        SecurityContextHolder.setContext(context);
    }

    /**
     * Adds a fresh step-up confirmation (S4) to whoever is signed in on this thread (also a
     * {@code @WithMockUser}), for tests about something else than the step-up itself.
     */
    public static void confirmStepUp() {
        var current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null) {
            return;
        }
        var authorities =
                new java.util.ArrayList<org.springframework.security.core.GrantedAuthority>(current.getAuthorities());
        authorities.add(new StepUp.Confirmed(Instant.now()));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(current.getPrincipal(), null, authorities));
        SecurityContextHolder.setContext(context);
    }

    /**
     * Runs the work as an anonymous administrator (who has just re-confirmed, S4), then restores
     * whoever was signed in before.
     */
    public static <T> T asAdministrator(Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "test-setup",
                null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Roles.ADMIN), new StepUp.Confirmed(Instant.now()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Switches the second-factor requirement (A3) on or off; returns the previous setting, to restore. */
    public static boolean requireSecondFactor(ApplicationContext context, boolean required) {
        var policy = context.getBean(SecondFactorPolicy.class);
        boolean before = policy.required();
        policy.setRequired(required);
        return before;
    }

    /** The code an authenticator app shows now for the base32 secret (spaces allowed), or some steps later. */
    public static String totpCode(String base32Secret, int stepsFromNow) {
        return Totp.code(base32(base32Secret), Totp.step(Instant.now()) + stepsFromNow, Totp.DIGITS);
    }

    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.replace(" ", "").toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
