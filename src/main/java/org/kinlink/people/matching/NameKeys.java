package org.kinlink.people.matching;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Match keys: what to store for a person in an indexed key table, and what to look up for a search.
 * Every spelling of a person's given and family names (Latin, native script, other spellings)
 * contributes its consonant skeleton and Double Metaphone codes, and each given + family pair its
 * full-name skeleton. A search looks up the full-name skeletons of every way its words can be split
 * into given + family name, in either order, and the keys of every possible family name; the
 * candidates found are then ranked and cut by {@link NameMatcher}.
 */
public final class NameKeys {

    private NameKeys() {}

    /** The keys to index a person under. */
    public static Set<MatchKey> keysFor(PersonNames names) {
        return keysFor(PreparedPerson.of(names));
    }

    /** The keys to look up for a free-text search ("Muhammad Husseini", "محمد حسینی", "Hosseini"). */
    public static Set<MatchKey> keysForQuery(String query) {
        return keysForQuery(NameQuery.parse(query));
    }

    /** The keys to look up for a parsed search. */
    public static Set<MatchKey> keysForQuery(NameQuery query) {
        return keysForQuery(PreparedQuery.of(query));
    }

    /**
     * The coarse codes of one name part in either script (its skeleton key and Double Metaphone
     * codes), for a cheap comparison of a part that has no stored keys, such as the father's name:
     * two spellings of a name share at least one code.
     */
    public static Set<String> partCodes(@Nullable String name) {
        NameForm form = NameForm.of(NameForm.tokens(name), false);
        if (form == null) {
            return Set.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        if (!form.key().isEmpty()) {
            codes.add("S" + form.key());
        }
        for (String code : form.phonetic()) {
            codes.add("P" + code);
        }
        return codes;
    }

    static Set<MatchKey> keysFor(PreparedPerson person) {
        Set<MatchKey> keys = new LinkedHashSet<>();
        for (PreparedPerson.Reading reading : person.readings()) {
            addPartKeys(keys, reading.given(), MatchKey.GIVEN_SKELETON, MatchKey.GIVEN_PHONETIC);
            addPartKeys(keys, reading.family(), MatchKey.FAMILY_SKELETON, MatchKey.FAMILY_PHONETIC);
            addFullKeys(keys, reading.given(), reading.family());
        }
        return keys;
    }

    static Set<MatchKey> keysForQuery(PreparedQuery query) {
        Set<MatchKey> keys = new LinkedHashSet<>();
        int n = query.size();
        if (n == 1) {
            // one word: a given name or a family name
            addPartKeys(keys, query.range(0, 1), MatchKey.GIVEN_SKELETON, MatchKey.GIVEN_PHONETIC);
            addPartKeys(keys, query.range(0, 1), MatchKey.FAMILY_SKELETON, MatchKey.FAMILY_PHONETIC);
            return keys;
        }
        for (int split = 1; split < n; split++) {
            List<NameForm> first = query.range(0, split);
            List<NameForm> second = query.range(split, n);
            addFullKeys(keys, first, second);
            addFullKeys(keys, second, first);
            // the family-name keys find the person when the given name is spelt beyond recognition
            // of the full-name key; given-name keys alone would find every Mohammad
            addPartKeys(keys, second, MatchKey.FAMILY_SKELETON, MatchKey.FAMILY_PHONETIC);
            addPartKeys(keys, first, MatchKey.FAMILY_SKELETON, MatchKey.FAMILY_PHONETIC);
        }
        return keys;
    }

    private static void addPartKeys(
            Set<MatchKey> keys, List<NameForm> forms, String skeletonKind, String phoneticKind) {
        for (NameForm form : forms) {
            if (!form.key().isEmpty()) {
                keys.add(new MatchKey(skeletonKind, form.key()));
            }
            for (String code : form.phonetic()) {
                keys.add(new MatchKey(phoneticKind, code));
            }
        }
    }

    private static void addFullKeys(Set<MatchKey> keys, List<NameForm> given, List<NameForm> family) {
        for (NameForm g : given) {
            for (NameForm f : family) {
                if (!g.key().isEmpty() && !f.key().isEmpty()) {
                    keys.add(new MatchKey(MatchKey.FULL_SKELETON, g.key() + " " + f.key()));
                }
            }
        }
    }
}
