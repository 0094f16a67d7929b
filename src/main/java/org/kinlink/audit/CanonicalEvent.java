package org.kinlink.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * The exact bytes an audit event's hash covers: every recorded field, length-prefixed so that no
 * two different events can produce the same text, preceded by the previous event's hash.
 */
final class CanonicalEvent {

    private CanonicalEvent() {}

    static byte[] of(
            String previousHash,
            long sequenceNo,
            Instant occurredAt,
            @Nullable Long actorId,
            @Nullable String actorName,
            @Nullable String actorRoles,
            String action,
            @Nullable String objectType,
            @Nullable String objectId,
            String outcome,
            @Nullable String reason,
            @Nullable String clientAddress,
            @Nullable String sessionHash,
            @Nullable String correlationId) {
        var text = new StringBuilder(256);
        for (Object field : new Object[] {
            previousHash,
            sequenceNo,
            DateTimeFormatter.ISO_INSTANT.format(occurredAt),
            actorId,
            actorName,
            actorRoles,
            action,
            objectType,
            objectId,
            outcome,
            reason,
            clientAddress,
            sessionHash,
            correlationId
        }) {
            if (field == null) {
                text.append("-1:;");
            } else {
                String value = field.toString();
                text.append(value.length()).append(':').append(value).append(';');
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
