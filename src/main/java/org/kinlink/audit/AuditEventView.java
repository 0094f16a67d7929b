package org.kinlink.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One recorded audit event, as auditors see it. */
public record AuditEventView(
        long sequenceNo,
        Instant occurredAt,
        @Nullable Long actorId,
        @Nullable String actorName,
        @Nullable String actorRoles,
        String action,
        @Nullable String objectType,
        @Nullable String objectId,
        AuditOutcome outcome,
        @Nullable String reason,
        @Nullable String clientAddress,
        @Nullable String sessionHash,
        @Nullable String correlationId) {}
