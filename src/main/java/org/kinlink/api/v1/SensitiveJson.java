package org.kinlink.api.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.kinlink.people.SensitiveValue;

/**
 * A sensitive value as the caller may see it: {@code {"value": "...", "masked": false}} when shown,
 * {@code {"masked": true}} when there is a value the caller may not see (or has not revealed), and
 * {@code null} when there is none. The stored ciphertext never leaves the service.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SensitiveJson(@Nullable String value, boolean masked) {

    static @Nullable SensitiveJson of(SensitiveValue value) {
        if (!value.present()) {
            return null;
        }
        return value.masked() ? new SensitiveJson(null, true) : new SensitiveJson(value.value(), false);
    }
}
