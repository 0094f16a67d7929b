package org.kinlink.letters;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A letter as lists show it; {@code caseReferences} holds only the cases the caller may see. */
public record LetterSummary(
        String reference,
        InstitutionId institutionId,
        String institutionName,
        String subject,
        LetterStatus status,
        @Nullable LocalDate sentOn,
        @Nullable LocalDate dueOn,
        boolean overdue,
        List<String> caseReferences,
        String authorName) {}
