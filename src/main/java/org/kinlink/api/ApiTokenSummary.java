package org.kinlink.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A token as administrators see it in the list: never its secret. */
public record ApiTokenSummary(
        long id,
        long userId,
        String username,
        String name,
        String prefix,
        Instant issuedAt,
        Instant expiresAt,
        @Nullable Instant revokedAt,
        @Nullable Instant lastUsedAt,
        long version) {

    public boolean active(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
