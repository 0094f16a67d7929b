package org.kinlink.people;

import org.jspecify.annotations.Nullable;

/**
 * A sensitive field as a caller may see it: the value when the access policy lets them see it,
 * otherwise only whether there is one. Services decide; views show what they are given.
 */
public record SensitiveValue(@Nullable String value, boolean present, boolean masked) {

    public static final SensitiveValue EMPTY = new SensitiveValue(null, false, false);

    public static SensitiveValue shown(@Nullable String value) {
        return value == null || value.isBlank() ? EMPTY : new SensitiveValue(value, true, false);
    }

    public static SensitiveValue masked(boolean present) {
        return present ? new SensitiveValue(null, true, true) : EMPTY;
    }
}
