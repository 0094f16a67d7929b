package org.kinlink.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Unusual activity flagged for auditors: who, what kind, how many events, and the span of time in
 * which they happened.
 */
public record AuditAlert(
        Kind kind,
        @Nullable Long actorId,
        @Nullable String actorName,
        long count,
        Instant windowStart,
        Instant windowEnd) {

    public enum Kind {
        /** Opened more distinct cases within the configured minutes than the threshold. */
        MANY_CASES,
        /** Revealed protected details outside working hours. */
        REVEAL_OUTSIDE_HOURS,
        /** Was denied access more often within the configured minutes than the threshold. */
        REPEATED_DENIALS,
        /** Exported more often in one day than the threshold. */
        BULK_EXPORTS
    }
}
