package org.kinlink.api.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kinlink.cases.PartyRole;
import org.kinlink.letters.DataCategory;
import org.kinlink.letters.LegalBasis;
import org.kinlink.letters.LetterChannel;
import org.kinlink.letters.LetterDetails;
import org.kinlink.letters.LetterHistoryEntry;
import org.kinlink.letters.LetterStatus;
import org.kinlink.letters.LetterSummary;
import org.kinlink.letters.RegisterLine;

/**
 * A letter as the caller may see it ({@link LetterDetails}): the body is {@code null} with {@code
 * bodyWithheld} when the letter also covers a case the caller may not see; files are named by id
 * only (downloads stay in the application).
 */
public record LetterJson(
        String reference,
        long version,
        InstitutionJson.ListItem institution,
        @Nullable String theirReference,
        String subject,
        @Nullable String body,
        boolean bodyWithheld,
        String language,
        LetterChannel channel,
        LetterStatus status,
        String authorName,
        @Nullable String approvedByName,
        @Nullable LocalDate sentOn,
        @Nullable LocalDate dueOn,
        @Nullable LocalDate acknowledgedOn,
        @Nullable LocalDate answeredOn,
        @Nullable String answerSummary,
        @Nullable Long answerFileId,
        @Nullable Long pdfFileId,
        boolean overdue,
        List<String> caseReferences,
        List<Disclosure> register,
        List<Step> history,
        List<LetterStatus> nextSteps) {

    /** One line of the disclosure register: whose data, which, and on what legal basis. */
    public record Disclosure(
            String caseReference,
            long personId,
            String personName,
            PartyRole role,
            DataCategory category,
            LegalBasis basis) {

        static Disclosure of(RegisterLine line) {
            return new Disclosure(
                    line.caseReference(),
                    line.personId().value(),
                    line.personName(),
                    line.role(),
                    line.category(),
                    line.basis());
        }
    }

    /** One workflow step taken. */
    public record Step(
            @Nullable LetterStatus from,
            LetterStatus to,
            @Nullable String note,
            String changedBy,
            Instant changedAt) {

        static Step of(LetterHistoryEntry entry) {
            return new Step(entry.from(), entry.to(), entry.note(), entry.changedBy(), entry.changedAt());
        }
    }

    /** A letter as lists show it. */
    public record ListItem(
            String reference,
            long institutionId,
            String institutionName,
            String subject,
            LetterStatus status,
            @Nullable LocalDate sentOn,
            @Nullable LocalDate dueOn,
            boolean overdue,
            List<String> caseReferences,
            String authorName) {

        static ListItem of(LetterSummary summary) {
            return new ListItem(
                    summary.reference(),
                    summary.institutionId().value(),
                    summary.institutionName(),
                    summary.subject(),
                    summary.status(),
                    summary.sentOn(),
                    summary.dueOn(),
                    summary.overdue(),
                    summary.caseReferences(),
                    summary.authorName());
        }
    }

    static LetterJson of(LetterDetails letter) {
        return new LetterJson(
                letter.reference(),
                letter.version(),
                InstitutionJson.ListItem.of(letter.institution()),
                letter.theirReference(),
                letter.subject(),
                letter.body(),
                letter.bodyWithheld(),
                letter.language(),
                letter.channel(),
                letter.status(),
                letter.authorName(),
                letter.approvedByName(),
                letter.sentOn(),
                letter.dueOn(),
                letter.acknowledgedOn(),
                letter.answeredOn(),
                letter.answerSummary(),
                letter.answerFileId(),
                letter.pdfFileId(),
                letter.overdue(),
                letter.caseReferences(),
                letter.register().stream().map(Disclosure::of).toList(),
                letter.history().stream().map(Step::of).toList(),
                letter.nextSteps());
    }
}
