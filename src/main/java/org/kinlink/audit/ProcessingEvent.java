package org.kinlink.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One processing operation on a person's record, for their subject access export (D7): when, what,
 * with which outcome, and the roles of the staff member who did it — never the staff member's name
 * or the reason they gave (free text that may name other people).
 */
public record ProcessingEvent(
        Instant occurredAt,
        String action,
        AuditOutcome outcome,
        @Nullable String actorRoles) {}
