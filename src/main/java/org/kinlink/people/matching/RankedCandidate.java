package org.kinlink.people.matching;

/** A candidate with its score and the reasons for it, as returned by {@link NameMatcher#rank}. */
public record RankedCandidate<I>(I id, PersonNames names, MatchResult result) {

    public double score() {
        return result.score();
    }
}
