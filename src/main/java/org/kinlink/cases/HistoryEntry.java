package org.kinlink.cases;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One status change in a case's history. */
public record HistoryEntry(@Nullable CaseStatus from, CaseStatus to, String reason, String by, Instant at) {}
