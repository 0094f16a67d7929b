package org.kinlink.audit;

import org.jspecify.annotations.Nullable;

/**
 * One event to record. The actor, client address, session and correlation id are taken from the
 * current request and security context unless given here (as for a failed sign-in, where nobody
 * is signed in yet). Never put a sensitive value in any field.
 *
 * @param action what happened, upper snake case, named by the module that records it (for
 *     example {@code CASE_VIEWED})
 * @param objectType the kind of record concerned (for example {@code CASE}), or null
 * @param objectId the record's identifier, or null
 */
public record AuditEntry(
        String action,
        @Nullable String objectType,
        @Nullable String objectId,
        AuditOutcome outcome,
        @Nullable String reason,
        @Nullable Long actorId,
        @Nullable String actorName) {

    public AuditEntry {
        if (!action.matches("[A-Z][A-Z0-9_]{1,63}")) {
            throw new IllegalArgumentException("An audit action is upper snake case: " + action);
        }
        if (reason != null && reason.length() > 500) {
            reason = reason.substring(0, 500);
        }
    }

    public static AuditEntry success(String action, @Nullable String objectType, @Nullable Object objectId) {
        return new AuditEntry(action, objectType, idOf(objectId), AuditOutcome.SUCCESS, null, null, null);
    }

    public static AuditEntry denied(String action, @Nullable String objectType, @Nullable Object objectId) {
        return new AuditEntry(action, objectType, idOf(objectId), AuditOutcome.DENIED, null, null, null);
    }

    public static AuditEntry failure(String action, @Nullable String objectType, @Nullable Object objectId) {
        return new AuditEntry(action, objectType, idOf(objectId), AuditOutcome.FAILURE, null, null, null);
    }

    public AuditEntry because(@Nullable String why) {
        return new AuditEntry(action, objectType, objectId, outcome, why, actorId, actorName);
    }

    /** Names the actor explicitly, for events that happen before or without a signed-in user. */
    public AuditEntry by(@Nullable Long id, @Nullable String name) {
        return new AuditEntry(action, objectType, objectId, outcome, reason, id, name);
    }

    private static @Nullable String idOf(@Nullable Object id) {
        return id == null ? null : id.toString();
    }
}
