package org.kinlink.privacy;

import java.time.Instant;
import java.util.List;

/**
 * One run of the retention rules: which cases were (or, in a dry run, would be) anonymised under
 * which rule, and how many persons with them. Case references and counts only, no personal data.
 */
public record RetentionReport(long id, Instant ranAt, boolean dryRun, String actorName, List<Line> lines) {

    /** A case due under a rule, and the number of its persons who are in no other live case. */
    public record Line(String caseReference, String status, int years, Instant enteredAt, int persons) {}

    public int persons() {
        return lines.stream().mapToInt(Line::persons).sum();
    }
}
