package org.kinlink.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The result of checking a checkpoint against the current chain.
 *
 * @param valid true when the signature is ours, the event the checkpoint names is still there with
 *     that hash, and the chain up to it is intact
 * @param headSequence the newest event the checkpoint covers, or null when it could not be read
 * @param problem what is wrong, in plain words, or null
 */
public record CheckpointCheck(
        boolean valid,
        @Nullable Long headSequence,
        @Nullable String problem,
        Instant checkedAt) {}
