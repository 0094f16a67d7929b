package org.kinlink.correspondence;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One revision of an entry as the caller may see it. {@code summaryMasked}: the entry is marked
 * sensitive and its summary is shown only after a reveal with a reason.
 */
public record EntryView(
        String entryKey,
        int revision,
        Instant occurredAt,
        Channel channel,
        Direction direction,
        @Nullable Long counterpartPartyId,
        @Nullable String counterpartText,
        String subject,
        @Nullable String summary,
        boolean summaryMasked,
        boolean sensitive,
        @Nullable String correctionReason,
        String recordedBy,
        Instant recordedAt) {

    public boolean corrected() {
        return revision > 1;
    }
}
