package org.kinlink.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One case a person is party to, as far as it concerns them, for a subject access export (D7):
 * their role and relationship, the case's status and dates, the consent decisions about them and
 * what was passed on from them. The case's title and summary and the other parties are left out:
 * they are free text about the whole case and data of other people.
 */
public record CaseSubjectRecord(
        String reference,
        CaseStatus status,
        Instant openedAt,
        @Nullable Instant closedAt,
        PartyRole role,
        Relationship relationship,
        Instant addedToCase,
        List<StatusStep> statusHistory,
        @Nullable TracingConsent tracingConsent,
        @Nullable DisclosureDecision disclosureDecision,
        List<ConsentEntry> consentRecords,
        List<PassedOn> passedOn) {

    /** A change of the case's status (the reason, free text, is left out). */
    public record StatusStep(@Nullable CaseStatus from, CaseStatus to, Instant at) {}

    /** A consent or disclosure decision of the person, as recorded. */
    public record ConsentEntry(
            String subject, String decision, LocalDate decidedOn, String obtainedHow, Instant recordedAt) {}

    /** Something passed from the person (as the sought person) to the enquirer of the case. */
    public record PassedOn(DisclosureKind kind, Instant at) {}
}
