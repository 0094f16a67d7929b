package org.kinlink.letters;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kinlink.files.StoredFile;

/**
 * A letter as its page shows it. For a caseworker, {@code caseReferences} and {@code register} hold
 * only their teams' cases; if the letter also covers a case they may not see, the body is withheld
 * ({@code bodyWithheld}), since it may name people of that case, and so are its files ({@code pdf},
 * {@code answerFile} are described only for callers who may see the whole letter).
 */
public record LetterDetails(
        String reference,
        long version,
        InstitutionSummary institution,
        @Nullable String theirReference,
        String subject,
        @Nullable String body,
        boolean bodyWithheld,
        String language,
        LetterChannel channel,
        LetterStatus status,
        long authorId,
        String authorName,
        @Nullable String approvedByName,
        @Nullable LocalDate sentOn,
        @Nullable LocalDate dueOn,
        @Nullable LocalDate acknowledgedOn,
        @Nullable LocalDate answeredOn,
        @Nullable String answerSummary,
        @Nullable Long answerFileId,
        @Nullable Long pdfFileId,
        @Nullable StoredFile pdf,
        @Nullable StoredFile answerFile,
        boolean overdue,
        List<String> caseReferences,
        List<RegisterLine> register,
        List<LetterHistoryEntry> history,
        List<LetterStatus> nextSteps) {}
