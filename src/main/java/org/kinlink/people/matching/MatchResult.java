package org.kinlink.people.matching;

import java.util.List;

/**
 * How well a person matches a query.
 *
 * @param score from 0 (nothing alike) to 1 (the same names, same father, same birth year)
 * @param reasons what the score rests on, strongest evidence first, for showing to the user
 */
public record MatchResult(double score, List<MatchReason> reasons) {

    public static final MatchResult NONE = new MatchResult(0.0, List.of());

    public MatchResult {
        if (score < 0.0 || score > 1.0 || Double.isNaN(score)) {
            throw new IllegalArgumentException("score must be between 0 and 1: " + score);
        }
        reasons = List.copyOf(reasons);
    }
}
