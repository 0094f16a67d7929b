package org.kinlink.api.v1;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.kinlink.correspondence.Channel;
import org.kinlink.correspondence.Direction;
import org.kinlink.correspondence.EntryView;

/**
 * One revision of a correspondence entry. A sensitive entry's summary is {@code {"masked": true}}
 * until revealed with a reason.
 */
public record EntryJson(
        String entryKey,
        int revision,
        Instant occurredAt,
        Channel channel,
        Direction direction,
        @Nullable Long counterpartPartyId,
        @Nullable String counterpartText,
        String subject,
        @Nullable SensitiveJson summary,
        boolean sensitive,
        @Nullable String correctionReason,
        String recordedBy,
        Instant recordedAt) {

    static EntryJson of(EntryView entry) {
        SensitiveJson summary = entry.summaryMasked()
                ? new SensitiveJson(null, true)
                : entry.summary() == null || entry.summary().isBlank()
                        ? null
                        : new SensitiveJson(entry.summary(), false);
        return new EntryJson(
                entry.entryKey(),
                entry.revision(),
                entry.occurredAt(),
                entry.channel(),
                entry.direction(),
                entry.counterpartPartyId(),
                entry.counterpartText(),
                entry.subject(),
                summary,
                entry.sensitive(),
                entry.correctionReason(),
                entry.recordedBy(),
                entry.recordedAt());
    }
}
