package org.kinlink.people.matching;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A person's names as recorded, each part in Latin and in native (Persian/Arabic) script where
 * known. Any field may be missing. The script of a value is read from its letters, not from the
 * field it is in, so a Persian spelling typed into a Latin field still matches.
 *
 * @param otherSpellings further spellings and aliases, each a whole name ("Muhammad Husseini",
 *     "محمد حسيني", a former family name with the given name) or a single name
 * @param birthYear the Gregorian year of birth, if known
 */
public record PersonNames(
        @Nullable String givenLatin,
        @Nullable String familyLatin,
        @Nullable String fatherLatin,
        @Nullable String givenNative,
        @Nullable String familyNative,
        @Nullable String fatherNative,
        List<String> otherSpellings,
        @Nullable Integer birthYear) {

    public PersonNames {
        List<String> spellings = new ArrayList<>();
        if (otherSpellings != null) {
            for (String spelling : otherSpellings) {
                if (spelling != null && !spelling.isBlank()) {
                    spellings.add(spelling);
                }
            }
        }
        otherSpellings = List.copyOf(spellings);
    }

    /** Latin given and family name only. */
    public static PersonNames latin(String given, String family) {
        return new PersonNames(given, family, null, null, null, null, List.of(), null);
    }

    /** Given and family name in both scripts. */
    public static PersonNames of(String givenLatin, String familyLatin, String givenNative, String familyNative) {
        return new PersonNames(givenLatin, familyLatin, null, givenNative, familyNative, null, List.of(), null);
    }

    public PersonNames withFather(@Nullable String latin, @Nullable String nativeScript) {
        return new PersonNames(
                givenLatin, familyLatin, latin, givenNative, familyNative, nativeScript, otherSpellings, birthYear);
    }

    public PersonNames withBirthYear(@Nullable Integer year) {
        return new PersonNames(
                givenLatin, familyLatin, fatherLatin, givenNative, familyNative, fatherNative, otherSpellings, year);
    }

    public PersonNames withOtherSpellings(List<String> spellings) {
        return new PersonNames(
                givenLatin, familyLatin, fatherLatin, givenNative, familyNative, fatherNative, spellings, birthYear);
    }
}
