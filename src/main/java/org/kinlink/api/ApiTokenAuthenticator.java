package org.kinlink.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.SecondFactor;
import org.kinlink.access.UserLookup;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a presented bearer token into the authentication of its user, or refuses it (recorded as
 * {@code API_TOKEN_REJECTED}, in a transaction of its own, never with the token itself).
 */
@Component
class ApiTokenAuthenticator {

    private static final Pattern FORMAT = Pattern.compile("kl_([a-z0-9]{10})_[A-Za-z0-9_-]{43}");

    private final ApiTokenRepository tokens;
    private final UserLookup users;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ApiTokenAuthenticator(
            ApiTokenRepository tokens,
            UserLookup users,
            AuditTrail audit,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The authenticated user of the token, or empty (and the refusal recorded). */
    Optional<Authentication> authenticate(String presented) {
        var format = FORMAT.matcher(presented);
        if (!format.matches()) {
            return reject(null, "malformed token");
        }
        Optional<ApiToken> found = transaction.execute(tx -> tokens.findByPrefix(format.group(1)));
        if (found == null || found.isEmpty()) {
            return reject(null, "unknown token");
        }
        ApiToken token = found.get();
        if (!MessageDigest.isEqual(
                ApiTokens.hash(presented).getBytes(StandardCharsets.US_ASCII),
                token.hash.getBytes(StandardCharsets.US_ASCII))) {
            return reject(token, "wrong secret");
        }
        Instant now = clock.instant();
        if (token.revokedAt != null) {
            return reject(token, "revoked");
        }
        if (!now.isBefore(token.expiresAt)) {
            return reject(token, "expired");
        }
        Optional<KinlinkUser> user = users.enabledUser(token.userId);
        if (user.isEmpty()) {
            return reject(token, "user disabled");
        }
        transaction.executeWithoutResult(tx -> tokens.markUsed(token.id(), now));
        var authorities = new ArrayList<GrantedAuthority>(user.get().getAuthorities());
        // The token is a credential of its own, issued by an administrator who passed the second
        // factor; it stands for the whole sign-in, so the second-factor guard lets it through.
        authorities.add(new SimpleGrantedAuthority(SecondFactor.FACTOR_TOTP));
        authorities.add(new SimpleGrantedAuthority(API_TOKEN_AUTHORITY));
        return Optional.of(UsernamePasswordAuthenticationToken.authenticated(user.get(), null, authorities));
    }

    /** Marks an authentication made from a token (for the audit and for anyone who must tell). */
    static final String API_TOKEN_AUTHORITY = "CREDENTIAL_API_TOKEN";

    private Optional<Authentication> reject(@org.jspecify.annotations.Nullable ApiToken token, String why) {
        audit.recordIndependently(
                AuditEntry.failure("API_TOKEN_REJECTED", "API_TOKEN", token == null ? null : token.id())
                        .because(why)
                        .by(token == null ? null : token.userId, null));
        return Optional.empty();
    }
}
