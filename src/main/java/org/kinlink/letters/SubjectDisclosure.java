package org.kinlink.letters;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A line of the disclosure register about the person, for their subject access export (D7): to
 * which institution which of their data went (or is to go: {@code sentOn} is empty until the letter
 * is sent), and on which basis.
 */
public record SubjectDisclosure(
        String letterReference,
        String caseReference,
        String institution,
        LetterStatus letterStatus,
        @Nullable LocalDate sentOn,
        DataCategory category,
        LegalBasis basis) {}
