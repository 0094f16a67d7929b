package org.kinlink.api.v1;

import org.jspecify.annotations.Nullable;
import org.kinlink.InvalidInput;

/**
 * The version a change is based on (R1): the {@code If-Match} header (the {@code ETag} a read
 * returned, such as {@code "3"}) or the {@code version} field of the body.
 */
final class Versions {

    private Versions() {}

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    static long required(@Nullable String ifMatch, @Nullable Long bodyVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String tag = ifMatch.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            tag = tag.replace("\"", "");
            try {
                return Long.parseLong(tag);
            } catch (NumberFormatException e) {
                throw new InvalidInput("If-Match", "api.version-invalid");
            }
        }
        if (bodyVersion == null) {
            throw new InvalidInput("version", "api.version-required");
        }
        return bodyVersion;
    }
}
