package org.kinlink.cases;

import org.jspecify.annotations.Nullable;

/** A caseworker's change to a case's description, against the version they loaded. */
public record CaseEdit(
        String reference,
        long version,
        String title,
        @Nullable String summary,
        Priority priority,
        @Nullable Long assigneeId) {}
