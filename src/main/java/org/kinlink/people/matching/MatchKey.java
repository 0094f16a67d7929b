package org.kinlink.people.matching;

/**
 * One key under which a person is indexed, and under which a search looks. Two names that may be
 * the same share at least one key; the candidates found through keys are then ranked by {@link
 * NameMatcher}. Values are lower-case ASCII (skeletons) or upper-case ASCII (Double Metaphone) and
 * at most {@link #MAX_VALUE_LENGTH} characters, so they fit an indexed column of any collation.
 *
 * @param kind one of the constants below
 * @param value the key itself
 */
public record MatchKey(String kind, String value) {

    /** Consonant skeleton of the given name (Mohammad, Muhammad, محمد: {@code mhmd}). */
    public static final String GIVEN_SKELETON = "GIVEN_SKEL";
    /** Double Metaphone code of the given name's Latin spelling or reading. */
    public static final String GIVEN_PHONETIC = "GIVEN_PHON";
    /** Consonant skeleton of the family name (Hosseini, Husseini, حسینی: {@code hsni}). */
    public static final String FAMILY_SKELETON = "FAMILY_SKEL";
    /** Double Metaphone code of the family name's Latin spelling or reading. */
    public static final String FAMILY_PHONETIC = "FAMILY_PHON";
    /** Given and family skeleton together ({@code mhmd hsni}): the selective key of a full name. */
    public static final String FULL_SKELETON = "FULL_SKEL";

    public static final int MAX_VALUE_LENGTH = 64;

    public MatchKey {
        if (kind.isBlank() || value.isBlank()) {
            throw new IllegalArgumentException("A match key needs a kind and a value");
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            value = value.substring(0, MAX_VALUE_LENGTH);
        }
    }
}
