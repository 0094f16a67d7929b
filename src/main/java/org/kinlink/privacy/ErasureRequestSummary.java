package org.kinlink.privacy;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An erasure request as listed for administrators: the person only by their numeric id (no names or
 * other values), who asked and why, who decided, and what the erasure removed (counts).
 */
public record ErasureRequestSummary(
        long id,
        long version,
        long personRef,
        ErasureStatus status,
        String reason,
        String requestedByName,
        Instant requestedAt,
        @Nullable String decidedByName,
        @Nullable Instant decidedAt,
        @Nullable String decisionReason,
        @Nullable String outcome) {}
