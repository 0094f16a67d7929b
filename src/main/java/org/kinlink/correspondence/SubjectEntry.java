package org.kinlink.correspondence;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A contacts-log entry with the person as counterpart, for their subject access export (D7). */
public record SubjectEntry(
        String caseReference,
        Instant occurredAt,
        Channel channel,
        Direction direction,
        String subject,
        @Nullable String summary) {}
