package org.kinlink.cases;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Criteria of the cases list; empty or null means "any". {@code text} searches references and,
 * through name matching, the names of the parties in any spelling or script.
 */
public record CaseFilter(
        Set<CaseStatus> statuses,
        @Nullable Long teamId,
        @Nullable Long assigneeId,
        Set<Priority> priorities,
        @Nullable String text) {

    public static CaseFilter any() {
        return new CaseFilter(Set.of(), null, null, Set.of(), null);
    }
}
