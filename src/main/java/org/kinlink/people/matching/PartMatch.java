package org.kinlink.people.matching;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How well one name part of a query (a given name, a family name, a father's name) matches the
 * same part of a person, over all the spellings of both.
 *
 * @param similarity 0..1
 * @param exact the same spelling, letter for letter after folding
 * @param nativeScript decided by comparing Persian/Arabic spellings
 * @param crossScript decided by comparing a Latin spelling with a Persian/Arabic one
 * @param alias decided by one of the person's other spellings
 */
record PartMatch(double similarity, boolean exact, boolean nativeScript, boolean crossScript, boolean alias) {

    /** A match that is not letter for letter the same never scores as high as one that is. */
    private static final double INEXACT_CAP = 0.98;

    /** Between two Latin spellings the skeleton weighs more than Jaro–Winkler, which sees vowels. */
    private static final double LATIN_SKELETON_WEIGHT = 0.7;

    /**
     * The best match of any query spelling against the person's spellings of the part, or null if
     * either side has none. Where the person has both a Latin and a Persian/Arabic spelling, both
     * are heard: a Latin query is scored by the mean of its match with each (unless it equals the
     * Latin spelling), because a Latin spelling may fit two names equally well (Hamid: حمید or
     * حامد) and the native spelling then tells them apart. A query in Persian/Arabic script is
     * compared with the person's native spelling only, when there is one. Other spellings (aliases)
     * are each compared on their own.
     */
    static @Nullable PartMatch best(List<NameForm> queryForms, List<NameForm> candidateForms) {
        PartMatch best = null;
        for (NameForm q : queryForms) {
            PartMatch bestLatin = null;
            PartMatch bestNative = null;
            for (NameForm c : candidateForms) {
                PartMatch match = compare(q, c);
                if (c.alias()) {
                    best = better(best, match);
                } else if (c.nativeOrigin()) {
                    bestNative = better(bestNative, match);
                } else {
                    bestLatin = better(bestLatin, match);
                }
            }
            best = better(best, combine(q, bestLatin, bestNative));
        }
        return best;
    }

    private static @Nullable PartMatch combine(NameForm q, @Nullable PartMatch latin, @Nullable PartMatch nativeMatch) {
        if (latin == null || nativeMatch == null) {
            return latin != null ? latin : nativeMatch;
        }
        if (q.nativeOrigin()) {
            return nativeMatch;
        }
        if (latin.exact) {
            return latin;
        }
        PartMatch stronger = latin.similarity >= nativeMatch.similarity ? latin : nativeMatch;
        return new PartMatch(
                (latin.similarity + nativeMatch.similarity) / 2,
                false,
                stronger.nativeScript,
                stronger.crossScript,
                false);
    }

    static PartMatch compare(NameForm q, NameForm c) {
        String qNative = q.nativeText();
        String cNative = c.nativeText();
        boolean bothNative = qNative != null && cNative != null;
        boolean bothLatin = !q.nativeOrigin() && !c.nativeOrigin();
        if (bothNative && qNative.equals(cNative)) {
            return new PartMatch(1.0, true, true, false, c.alias());
        }
        if (bothLatin && q.latin().equals(c.latin())) {
            return new PartMatch(1.0, true, false, false, c.alias());
        }
        double similarity;
        if (bothNative) {
            similarity = Similarity.nativeLetters(qNative, cNative);
        } else if (bothLatin) {
            similarity = LATIN_SKELETON_WEIGHT * Similarity.skeletons(q.skeleton(), c.skeleton())
                    + (1 - LATIN_SKELETON_WEIGHT) * Similarity.jaroWinkler(q.spelling(), c.spelling());
        } else {
            similarity = Similarity.skeletons(q.skeleton(), c.skeleton());
        }
        return new PartMatch(
                Math.min(INEXACT_CAP, similarity), false, bothNative, !bothNative && !bothLatin, c.alias());
    }

    private static @Nullable PartMatch better(@Nullable PartMatch a, @Nullable PartMatch b) {
        if (a == null) {
            return b;
        }
        return b != null && b.similarity > a.similarity ? b : a;
    }
}
