package org.kinlink.people;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** A person's name parts as given, in Latin and in native (Persian/Arabic) script. */
public record PersonNames(
        @Nullable String givenLatin,
        @Nullable String familyLatin,
        @Nullable String fatherLatin,
        @Nullable String givenNative,
        @Nullable String familyNative,
        @Nullable String fatherNative) {

    public String latin() {
        return join(givenLatin, familyLatin);
    }

    public String nativeScript() {
        return join(givenNative, familyNative);
    }

    /** "Given Family (native)", whichever parts exist. */
    public String display() {
        String latin = latin();
        String nativeName = nativeScript();
        if (latin.isEmpty()) {
            return nativeName;
        }
        return nativeName.isEmpty() ? latin : latin + " (" + nativeName + ")";
    }

    public boolean isEmpty() {
        return latin().isEmpty() && nativeScript().isEmpty();
    }

    private static String join(@Nullable String... parts) {
        return Stream.of(parts)
                .filter(p -> p != null && !p.isBlank())
                .map(String::strip)
                .collect(Collectors.joining(" "));
    }
}
