package org.kinlink.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The result of walking the audit chain.
 *
 * @param intact true when every event links to its predecessor, none is missing and none altered
 * @param eventsChecked how many events were read
 * @param firstBrokenSequence the sequence number where the chain first breaks, or null
 * @param problem what is wrong there, in plain words, or null
 */
public record ChainVerification(
        boolean intact,
        long eventsChecked,
        @Nullable Long firstBrokenSequence,
        @Nullable String problem,
        Instant verifiedAt) {}
