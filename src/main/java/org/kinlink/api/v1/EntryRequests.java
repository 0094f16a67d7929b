package org.kinlink.api.v1;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.kinlink.correspondence.Channel;
import org.kinlink.correspondence.Direction;
import org.kinlink.correspondence.EntryForm;

/** Request bodies of the correspondence endpoints. */
public final class EntryRequests {

    private EntryRequests() {}

    /** An entry to log, or (with {@code basedOnRevision} and {@code reason}) a correction of one. */
    public record EntryBody(
            @Nullable Instant occurredAt,
            @Nullable Channel channel,
            @Nullable Direction direction,
            @Nullable Long counterpartPartyId,
            @Nullable String counterpartText,
            @Nullable String subject,
            @Nullable String summary,
            @Nullable Boolean sensitive,
            @Nullable Integer basedOnRevision,
            @Nullable String reason) {

        EntryForm toForm() {
            return new EntryForm(
                    Fields.required(occurredAt, "occurredAt"),
                    Fields.required(channel, "channel"),
                    Fields.required(direction, "direction"),
                    counterpartPartyId,
                    counterpartText,
                    subject == null ? "" : subject,
                    summary,
                    Boolean.TRUE.equals(sensitive));
        }
    }

    public record RevealBody(@Nullable String reason) {}
}
