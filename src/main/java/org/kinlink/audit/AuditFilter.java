package org.kinlink.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Criteria for auditors' queries; null means "any". */
public record AuditFilter(
        @Nullable String actorName,
        @Nullable String action,
        @Nullable String objectType,
        @Nullable String objectId,
        @Nullable AuditOutcome outcome,
        @Nullable Instant from,
        @Nullable Instant to) {

    public static AuditFilter any() {
        return new AuditFilter(null, null, null, null, null, null, null);
    }
}
