package org.kinlink.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kinlink.ConcurrentChange;
import org.kinlink.InvalidInput;
import org.kinlink.Roles;
import org.kinlink.access.CurrentUser;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.UserAdministration;
import org.kinlink.access.UserSummary;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens. An administrator (who has passed the second factor to get here) issues a
 * token for one user, with a name and an expiry of at most a year, and can revoke it. The token is
 * a separate credential: whoever holds it acts as that user, with the user's roles and teams as
 * they are at each request, until it expires or is revoked or the user is disabled. Its secret is
 * shown once; only its SHA-256 hash is stored (the secret is 256 random bits, so a plain hash
 * cannot be reversed by guessing), and a random prefix finds the row.
 */
@Service
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class ApiTokens {

    static final String TOKEN_START = "kl_";
    private static final int MAX_NAME = 100;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private final ApiTokenRepository tokens;
    private final UserAdministration users;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    ApiTokens(
            ApiTokenRepository tokens,
            UserAdministration users,
            CurrentUser currentUser,
            AuditTrail audit,
            Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Issues a token for the user, valid to the end of {@code expiresOn} (UTC), at most a year
     * ahead. The returned secret is never shown again.
     */
    @Transactional
    public IssuedApiToken issue(long userId, String name, @Nullable LocalDate expiresOn) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty()) {
            throw new InvalidInput("name", "api-token.name-required");
        }
        if (label.length() > MAX_NAME) {
            throw new InvalidInput("name", "common.too-long", MAX_NAME);
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (expiresOn == null || expiresOn.isBefore(today) || expiresOn.isAfter(today.plusYears(1))) {
            throw new InvalidInput("expiresOn", "api-token.expiry-invalid");
        }
        UserSummary user = users.users().stream()
                .filter(u -> u.id() == userId)
                .findFirst()
                .orElseThrow(() -> new InvalidInput("user", "user.not-found"));
        if (!user.enabled()) {
            throw new InvalidInput("user", "api-token.user-disabled");
        }
        String prefix = randomPrefix();
        String secret = TOKEN_START + prefix + "_" + randomSecret();
        Instant expiresAt = expiresOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        var token = tokens.saveAndFlush(new ApiToken(
                userId,
                label,
                prefix,
                hash(secret),
                clock.instant(),
                currentUser.get().map(KinlinkUser::id).orElse(null),
                expiresAt));
        audit.record(AuditEntry.success("API_TOKEN_ISSUED", "USER", userId)
                .because("token " + token.id() + " (" + TOKEN_START + prefix + "), expires " + expiresOn));
        return new IssuedApiToken(summary(token, user.username()), secret);
    }

    /** Every token, newest first, with whose it is; never a secret. */
    @Transactional(readOnly = true)
    public List<ApiTokenSummary> list() {
        Map<Long, String> names =
                users.users().stream().collect(Collectors.toMap(UserSummary::id, UserSummary::username));
        return tokens.findAllByOrderByIssuedAtDescIdDesc().stream()
                .map(token -> summary(token, names.getOrDefault(token.userId, "?")))
                .toList();
    }

    /** Revokes the token at once: the next request with it is refused. */
    @Transactional
    public ApiTokenSummary revoke(long tokenId, long version) {
        ApiToken token = tokens.findById(tokenId).orElseThrow(() -> new InvalidInput("token", "api-token.not-found"));
        if (token.version() != version) {
            throw new ConcurrentChange("API token");
        }
        if (token.revokedAt == null) {
            token.revokedAt = clock.instant();
            token.revokedBy = currentUser.get().map(KinlinkUser::id).orElse(null);
            tokens.saveAndFlush(token);
            audit.record(AuditEntry.success("API_TOKEN_REVOKED", "USER", token.userId)
                    .because("token " + token.id() + " (" + TOKEN_START + token.prefix + ")"));
        }
        String username = users.users().stream()
                .filter(u -> u.id() == token.userId)
                .map(UserSummary::username)
                .findFirst()
                .orElse("?");
        return summary(token, username);
    }

    static ApiTokenSummary summary(ApiToken token, String username) {
        return new ApiTokenSummary(
                token.id(),
                token.userId,
                username,
                token.name,
                TOKEN_START + token.prefix,
                token.issuedAt,
                token.expiresAt,
                token.revokedAt,
                token.lastUsedAt,
                token.version());
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomPrefix() {
        var prefix = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            prefix.append(PREFIX_ALPHABET.charAt(RANDOM.nextInt(PREFIX_ALPHABET.length())));
        }
        return prefix.toString();
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
