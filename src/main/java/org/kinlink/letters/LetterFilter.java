package org.kinlink.letters;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which letters a list shows. {@code awaitingAnswer} lists sent letters without an answer, earliest
 * due first (the follow-up list); {@code overdue} only those past their due date; {@code dueThisWeek}
 * those due from today to the end of this week.
 */
public record LetterFilter(
        Set<LetterStatus> statuses,
        @Nullable InstitutionId institution,
        boolean overdue,
        boolean dueThisWeek,
        boolean awaitingAnswer) {

    public static LetterFilter any() {
        return new LetterFilter(Set.of(), null, false, false, false);
    }

    public static LetterFilter followUps() {
        return new LetterFilter(Set.of(), null, false, false, true);
    }
}
