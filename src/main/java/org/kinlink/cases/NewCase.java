package org.kinlink.cases;

import org.jspecify.annotations.Nullable;

/** What a caseworker enters to open a case. */
public record NewCase(
        String title,
        @Nullable String summary,
        Priority priority,
        long teamId,
        @Nullable Long assigneeId) {}
