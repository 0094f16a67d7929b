package org.kinlink.letters;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

public record LetterHistoryEntry(
        @Nullable LetterStatus from,
        LetterStatus to,
        @Nullable String note,
        String changedBy,
        Instant changedAt) {}
