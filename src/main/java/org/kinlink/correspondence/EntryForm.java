package org.kinlink.correspondence;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a caseworker logs. The counterpart is a party of the case ({@code counterpartPartyId}) or
 * someone else, named in free text.
 */
public record EntryForm(
        Instant occurredAt,
        Channel channel,
        Direction direction,
        @Nullable Long counterpartPartyId,
        @Nullable String counterpartText,
        String subject,
        @Nullable String summary,
        boolean sensitive) {}
