package org.kinlink.api.v1;

import org.jspecify.annotations.Nullable;
import org.kinlink.cases.CaseStatus;
import org.kinlink.cases.PartyRole;
import org.kinlink.cases.Priority;
import org.kinlink.cases.Relationship;

/** Request bodies of the case endpoints. Missing required values are answered with a 400 naming them. */
public final class CaseRequests {

    private CaseRequests() {}

    public record NewCaseJson(
            @Nullable String title,
            @Nullable String summary,
            @Nullable Priority priority,
            @Nullable Long teamId,
            @Nullable Long assigneeId) {}

    public record CaseEditJson(
            @Nullable Long version,
            @Nullable String title,
            @Nullable String summary,
            @Nullable Priority priority,
            @Nullable Long assigneeId) {}

    public record StatusChangeJson(
            @Nullable Long version,
            @Nullable CaseStatus status,
            @Nullable String reason) {}

    public record NewPartyJson(
            @Nullable Long personId,
            @Nullable PartyRole role,
            @Nullable Relationship relationship) {}

    public record PartyChangeJson(
            @Nullable Long version, @Nullable Relationship relationship) {}
}
