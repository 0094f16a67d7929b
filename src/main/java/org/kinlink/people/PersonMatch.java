package org.kinlink.people;

import java.util.List;

/**
 * A candidate found by name matching, with its score (0 to 1) and the reasons, as translation keys
 * ({@code match-reason.*}).
 */
public record PersonMatch(PersonSummary person, double score, List<String> reasons) {}
