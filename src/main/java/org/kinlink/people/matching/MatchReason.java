package org.kinlink.people.matching;

import java.util.Locale;

/**
 * One piece of evidence behind a {@link MatchResult}. The UI shows {@link #messageKey()} through
 * its translation bundles; {@link #description()} is the English text, for logs and tests.
 */
public enum MatchReason {
    EXACT_GIVEN_NAME("same given name"),
    PHONETIC_GIVEN_NAME("phonetic match on given name"),
    SIMILAR_GIVEN_NAME("similar given name"),
    EXACT_FAMILY_NAME("same family name"),
    PHONETIC_FAMILY_NAME("phonetic match on family name"),
    SIMILAR_FAMILY_NAME("similar family name"),
    NAME_ORDER_SWAPPED("family name written first"),
    NATIVE_SCRIPT_MATCH("match in Persian/Arabic script"),
    TRANSLITERATION_MATCH("match between Latin and Persian/Arabic script"),
    ALIAS_MATCH("match on another spelling or alias"),
    SAME_FATHERS_NAME("same father's name"),
    DIFFERENT_FATHERS_NAME("different father's name"),
    SAME_BIRTH_YEAR("same year of birth"),
    CLOSE_BIRTH_YEAR("year of birth one year apart"),
    DIFFERENT_BIRTH_YEAR("different year of birth");

    private final String description;

    MatchReason(String description) {
        this.description = description;
    }

    /** Key in the translation bundles, for example {@code match-reason.phonetic-family-name}. */
    public String messageKey() {
        return "match-reason." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** English description, for example "phonetic match on family name". */
    public String description() {
        return description;
    }
}
