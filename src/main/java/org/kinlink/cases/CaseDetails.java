package org.kinlink.cases;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Everything on a case that a caseworker of its team sees. */
public record CaseDetails(
        CaseId id,
        String reference,
        long version,
        String title,
        @Nullable String summary,
        Priority priority,
        CaseStatus status,
        @Nullable CaseStatus statusBeforeHold,
        long teamId,
        String teamName,
        @Nullable Long assigneeId,
        @Nullable String assigneeName,
        Instant openedAt,
        @Nullable Instant closedAt,
        List<PartyView> parties,
        List<ConsentView> consents,
        List<HistoryEntry> history,
        List<CaseWorkflow.Transition> allowedTransitions,
        List<CaseListItem> otherCasesAboutSought) {}
