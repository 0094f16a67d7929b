package org.kinlink.cases;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A case in a list: what caseworkers and coordinators both may see. */
public record CaseListItem(
        CaseId id,
        String reference,
        String title,
        CaseStatus status,
        Priority priority,
        long teamId,
        String teamName,
        @Nullable Long assigneeId,
        @Nullable String assigneeName,
        List<String> soughtNames,
        List<String> enquirerNames,
        Instant openedAt,
        Instant updatedAt) {}
