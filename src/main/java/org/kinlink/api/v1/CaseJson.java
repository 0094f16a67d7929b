package org.kinlink.api.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kinlink.cases.CaseDetails;
import org.kinlink.cases.CaseListItem;
import org.kinlink.cases.CaseStatus;
import org.kinlink.cases.ConsentView;
import org.kinlink.cases.DisclosureDecision;
import org.kinlink.cases.HistoryEntry;
import org.kinlink.cases.PartyRole;
import org.kinlink.cases.PartyView;
import org.kinlink.cases.Priority;
import org.kinlink.cases.Relationship;
import org.kinlink.cases.TracingConsent;

/** A case as a caseworker of its team sees it ({@code version} also comes as the {@code ETag}). */
public record CaseJson(
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
        List<PartyJson> parties,
        List<ConsentJson> consents,
        List<HistoryJson> history,
        List<CaseStatus> allowedTransitions) {

    public record PartyJson(
            long partyId, long version, long personId, String name, PartyRole role, Relationship relationship) {

        static PartyJson of(PartyView party) {
            return new PartyJson(
                    party.partyId(),
                    party.version(),
                    party.personId().value(),
                    party.name(),
                    party.role(),
                    party.relationship());
        }
    }

    public record ConsentJson(
            long soughtPartyId,
            long version,
            TracingConsent tracingConsent,
            DisclosureDecision disclosure,
            List<ConsentRecordJson> records) {

        static ConsentJson of(ConsentView consent) {
            return new ConsentJson(
                    consent.soughtPartyId(),
                    consent.version(),
                    consent.tracingConsent(),
                    consent.disclosure(),
                    consent.records().stream()
                            .map(r -> new ConsentRecordJson(
                                    r.subject(),
                                    r.decision(),
                                    r.decidedOn(),
                                    r.obtainedHow(),
                                    r.recordedBy(),
                                    r.recordedAt()))
                            .toList());
        }
    }

    public record ConsentRecordJson(
            String subject,
            String decision,
            LocalDate decidedOn,
            String obtainedHow,
            String recordedBy,
            Instant recordedAt) {}

    public record HistoryJson(@Nullable CaseStatus from, CaseStatus to, String reason, String by, Instant at) {

        static HistoryJson of(HistoryEntry entry) {
            return new HistoryJson(entry.from(), entry.to(), entry.reason(), entry.by(), entry.at());
        }
    }

    static CaseJson of(CaseDetails details) {
        return new CaseJson(
                details.reference(),
                details.version(),
                details.title(),
                details.summary(),
                details.priority(),
                details.status(),
                details.statusBeforeHold(),
                details.teamId(),
                details.teamName(),
                details.assigneeId(),
                details.assigneeName(),
                details.openedAt(),
                details.closedAt(),
                details.parties().stream().map(PartyJson::of).toList(),
                details.consents().stream().map(ConsentJson::of).toList(),
                details.history().stream().map(HistoryJson::of).toList(),
                details.allowedTransitions().stream()
                        .map(t -> t.to())
                        .distinct()
                        .toList());
    }

    /** A case in a list: what caseworkers and coordinators both may see. */
    public record ListItem(
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
            Instant updatedAt) {

        static ListItem of(CaseListItem item) {
            return new ListItem(
                    item.reference(),
                    item.title(),
                    item.status(),
                    item.priority(),
                    item.teamId(),
                    item.teamName(),
                    item.assigneeId(),
                    item.assigneeName(),
                    item.soughtNames(),
                    item.enquirerNames(),
                    item.openedAt(),
                    item.updatedAt());
        }
    }
}
