package org.kinlink.api.v1;

import org.jspecify.annotations.Nullable;
import org.kinlink.people.PersonNames;

/** A person's name parts as given, in Latin and in native (Persian/Arabic) script. */
public record NamesJson(
        @Nullable String givenLatin,
        @Nullable String familyLatin,
        @Nullable String fatherLatin,
        @Nullable String givenNative,
        @Nullable String familyNative,
        @Nullable String fatherNative) {

    static NamesJson of(PersonNames names) {
        return new NamesJson(
                names.givenLatin(),
                names.familyLatin(),
                names.fatherLatin(),
                names.givenNative(),
                names.familyNative(),
                names.fatherNative());
    }

    PersonNames toNames() {
        return new PersonNames(givenLatin, familyLatin, fatherLatin, givenNative, familyNative, fatherNative);
    }
}
