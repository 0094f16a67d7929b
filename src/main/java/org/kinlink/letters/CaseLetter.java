package org.kinlink.letters;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A letter as a case's timeline and letters tab show it. */
public record CaseLetter(
        String reference,
        String institutionName,
        String subject,
        LetterStatus status,
        @Nullable LocalDate sentOn,
        @Nullable LocalDate dueOn,
        @Nullable LocalDate acknowledgedOn,
        @Nullable LocalDate answeredOn,
        @Nullable String answerSummary,
        boolean overdue) {}
