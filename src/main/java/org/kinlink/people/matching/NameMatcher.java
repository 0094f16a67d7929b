package org.kinlink.people.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Scores and ranks persons against a search. A name matches when both its given and its family
 * name match: a common given name alone (every second man in the records may be a Mohammad) must
 * not carry a candidate over the threshold, so the weaker of the two parts pulls the score down
 * hard. The father's name and the year of birth, when both sides have them, move the score a
 * little up or down; they cannot make a different name match.
 */
public final class NameMatcher {

    /** Below this a candidate is not shown; see the evaluation test for how it was chosen. */
    public static final double DEFAULT_THRESHOLD = 0.82;

    public static final int DEFAULT_LIMIT = 10;

    /** Weights of the given and family name in a full-name score. */
    private static final double GIVEN_WEIGHT = 0.45;

    private static final double FAMILY_WEIGHT = 0.55;
    /** Both parts must reach this similarity; each point below costs {@link #WEAK_PART_PENALTY}. */
    private static final double BOTH_PARTS_FLOOR = 0.90;

    private static final double WEAK_PART_PENALTY = 3.0;
    /** "Hosseini Mohammad" is common on forms, but the written order is still the likelier one. */
    private static final double SWAPPED_ORDER_PENALTY = 0.02;
    /**
     * A record with only a family (or only a given) name matches a full-name query weakly: below
     * the default threshold, or every Zahra without a known family name would follow a search for
     * Zahra Karimi.
     */
    private static final double ONE_PART_KNOWN_FACTOR = 0.8;

    private static final double SAME_FATHER_BONUS = 0.04;
    private static final double DIFFERENT_FATHER_PENALTY = 0.10;
    private static final double SAME_YEAR_BONUS = 0.03;
    private static final double CLOSE_YEAR_BONUS = 0.01;
    private static final double NEAR_YEAR_PENALTY = 0.04;
    private static final double FAR_YEAR_PENALTY = 0.12;
    private static final int NEAR_YEARS = 3;

    /** Part similarities at or above these are reported as phonetic / similar matches. */
    private static final double PHONETIC_LEVEL = 0.88;

    private static final double SIMILAR_LEVEL = 0.7;
    private static final double SAME_FATHER_LEVEL = 0.88;
    private static final double DIFFERENT_FATHER_LEVEL = 0.75;

    private NameMatcher() {}

    /** How well one person's names match a query. */
    public static MatchResult score(NameQuery query, PersonNames candidate) {
        return score(PreparedQuery.of(query), PreparedPerson.of(candidate));
    }

    /**
     * The candidates that score at least {@code threshold}, best first, at most {@code limit}. Ties
     * keep the order of the given collection.
     */
    public static <I> List<RankedCandidate<I>> rank(
            NameQuery query, Collection<Candidate<I>> candidates, int limit, double threshold) {
        PreparedQuery prepared = PreparedQuery.of(query);
        List<RankedCandidate<I>> ranked = new ArrayList<>();
        for (Candidate<I> candidate : candidates) {
            MatchResult result = score(prepared, PreparedPerson.of(candidate.names()));
            if (result.score() >= threshold) {
                ranked.add(new RankedCandidate<>(candidate.id(), candidate.names(), result));
            }
        }
        ranked.sort(
                Comparator.comparingDouble((RankedCandidate<I> r) -> r.score()).reversed());
        return ranked.size() > limit ? List.copyOf(ranked.subList(0, limit)) : List.copyOf(ranked);
    }

    /** {@link #rank(NameQuery, Collection, int, double)} with the default limit and threshold. */
    public static <I> List<RankedCandidate<I>> rank(NameQuery query, Collection<Candidate<I>> candidates) {
        return rank(query, candidates, DEFAULT_LIMIT, DEFAULT_THRESHOLD);
    }

    static MatchResult score(PreparedQuery query, PreparedPerson person) {
        NameScore name = nameScore(query, person);
        if (name == null) {
            return MatchResult.NONE;
        }
        double score = name.score;
        Set<MatchReason> reasons = name.reasons;
        score += fatherAdjustment(query, person, reasons);
        score += birthYearAdjustment(query.birthYear, person.birthYear, reasons);
        return new MatchResult(Math.max(0.0, Math.min(1.0, score)), List.copyOf(reasons));
    }

    /** The best reading of the query's words against the person's names, before father and year. */
    private static @Nullable NameScore nameScore(PreparedQuery query, PreparedPerson person) {
        int n = query.size();
        if (n == 0) {
            return null;
        }
        NameScore best = null;
        if (n == 1) {
            List<NameForm> word = query.range(0, 1);
            best = better(best, onePart(PartMatch.best(word, person.family), true));
            best = better(best, onePart(PartMatch.best(word, person.given), false));
            return best;
        }
        for (PreparedPerson.Reading reading : person.readings()) {
            for (int split = 1; split < n; split++) {
                List<NameForm> first = query.range(0, split);
                List<NameForm> second = query.range(split, n);
                best = better(best, fullName(first, second, reading, false));
                best = better(best, fullName(second, first, reading, true));
            }
        }
        return best;
    }

    private static @Nullable NameScore fullName(
            List<NameForm> queryGiven, List<NameForm> queryFamily, PreparedPerson.Reading reading, boolean swapped) {
        PartMatch given = PartMatch.best(queryGiven, reading.given());
        PartMatch family = PartMatch.best(queryFamily, reading.family());
        if (given == null && family == null) {
            return null;
        }
        double score;
        if (given == null || family == null) {
            PartMatch known = given != null ? given : family;
            score = withWeakPartPenalty(known.similarity(), known.similarity()) * ONE_PART_KNOWN_FACTOR;
        } else {
            double weighted = GIVEN_WEIGHT * given.similarity() + FAMILY_WEIGHT * family.similarity();
            score = withWeakPartPenalty(weighted, Math.min(given.similarity(), family.similarity()));
        }
        if (swapped) {
            score -= SWAPPED_ORDER_PENALTY;
        }
        Set<MatchReason> reasons = EnumSet.noneOf(MatchReason.class);
        if (given != null) {
            partReasons(
                    given,
                    MatchReason.EXACT_GIVEN_NAME,
                    MatchReason.PHONETIC_GIVEN_NAME,
                    MatchReason.SIMILAR_GIVEN_NAME,
                    reasons);
        }
        if (family != null) {
            partReasons(
                    family,
                    MatchReason.EXACT_FAMILY_NAME,
                    MatchReason.PHONETIC_FAMILY_NAME,
                    MatchReason.SIMILAR_FAMILY_NAME,
                    reasons);
        }
        if (swapped) {
            reasons.add(MatchReason.NAME_ORDER_SWAPPED);
        }
        if (reading.alias()) {
            reasons.add(MatchReason.ALIAS_MATCH);
        }
        return new NameScore(score, reasons);
    }

    private static @Nullable NameScore onePart(@Nullable PartMatch part, boolean family) {
        if (part == null) {
            return null;
        }
        Set<MatchReason> reasons = EnumSet.noneOf(MatchReason.class);
        if (family) {
            partReasons(
                    part,
                    MatchReason.EXACT_FAMILY_NAME,
                    MatchReason.PHONETIC_FAMILY_NAME,
                    MatchReason.SIMILAR_FAMILY_NAME,
                    reasons);
        } else {
            partReasons(
                    part,
                    MatchReason.EXACT_GIVEN_NAME,
                    MatchReason.PHONETIC_GIVEN_NAME,
                    MatchReason.SIMILAR_GIVEN_NAME,
                    reasons);
        }
        return new NameScore(withWeakPartPenalty(part.similarity(), part.similarity()), reasons);
    }

    /** A part below {@link #BOTH_PARTS_FLOOR} is a different name, however well the other fits. */
    private static double withWeakPartPenalty(double score, double weakestPart) {
        return score - WEAK_PART_PENALTY * Math.max(0.0, BOTH_PARTS_FLOOR - weakestPart);
    }

    private static void partReasons(
            PartMatch part, MatchReason exact, MatchReason phonetic, MatchReason similar, Set<MatchReason> reasons) {
        if (part.exact()) {
            reasons.add(exact);
        } else if (part.similarity() >= PHONETIC_LEVEL) {
            reasons.add(phonetic);
        } else if (part.similarity() >= SIMILAR_LEVEL) {
            reasons.add(similar);
        } else {
            return;
        }
        if (part.crossScript()) {
            reasons.add(MatchReason.TRANSLITERATION_MATCH);
        } else if (part.nativeScript()) {
            reasons.add(MatchReason.NATIVE_SCRIPT_MATCH);
        }
        if (part.alias()) {
            reasons.add(MatchReason.ALIAS_MATCH);
        }
    }

    private static double fatherAdjustment(PreparedQuery query, PreparedPerson person, Set<MatchReason> reasons) {
        PartMatch father = PartMatch.best(query.father, person.father);
        if (father == null) {
            return 0.0;
        }
        if (father.similarity() >= SAME_FATHER_LEVEL) {
            reasons.add(MatchReason.SAME_FATHERS_NAME);
            return SAME_FATHER_BONUS;
        }
        if (father.similarity() < DIFFERENT_FATHER_LEVEL) {
            reasons.add(MatchReason.DIFFERENT_FATHERS_NAME);
            return -DIFFERENT_FATHER_PENALTY;
        }
        return 0.0;
    }

    private static double birthYearAdjustment(
            @Nullable Integer queried, @Nullable Integer recorded, Set<MatchReason> reasons) {
        if (queried == null || recorded == null) {
            return 0.0;
        }
        int difference = Math.abs(queried - recorded);
        if (difference == 0) {
            reasons.add(MatchReason.SAME_BIRTH_YEAR);
            return SAME_YEAR_BONUS;
        }
        if (difference == 1) {
            // a Solar Hijri year spans two Gregorian years, and families often know only roughly
            reasons.add(MatchReason.CLOSE_BIRTH_YEAR);
            return CLOSE_YEAR_BONUS;
        }
        reasons.add(MatchReason.DIFFERENT_BIRTH_YEAR);
        return difference <= NEAR_YEARS ? -NEAR_YEAR_PENALTY : -FAR_YEAR_PENALTY;
    }

    private static @Nullable NameScore better(@Nullable NameScore a, @Nullable NameScore b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.score > a.score ? b : a;
    }

    private record NameScore(double score, Set<MatchReason> reasons) {}
}
