package org.kinlink.api.v1;

import org.jspecify.annotations.Nullable;
import org.kinlink.InvalidInput;

/** Required values of a request body: a missing one is a 400 naming the field. */
final class Fields {

    private Fields() {}

    static <T> T required(@Nullable T value, String field) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw new InvalidInput(field, "api.field-required");
        }
        return value;
    }
}
