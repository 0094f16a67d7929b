package org.kinlink.privacy;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.kinlink.cases.CaseStatus;

/** A case in {@code status} is anonymised {@code years} after it entered that status. */
public record RetentionRule(
        CaseStatus status,
        int years,
        long version,
        @Nullable Instant updatedAt,
        @Nullable String updatedByName) {}
