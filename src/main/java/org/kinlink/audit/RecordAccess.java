package org.kinlink.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One user's events on one record: who, first and last time, how many. */
public record RecordAccess(
        @Nullable Long actorId, @Nullable String actorName, Instant firstAccess, Instant lastAccess, long events) {}
