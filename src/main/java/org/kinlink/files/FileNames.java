package org.kinlink.files;

import java.text.Normalizer;
import org.jspecify.annotations.Nullable;

/**
 * Makes an uploaded name safe to show and to offer as a download name: only its last path segment,
 * without control, format (bidirectional override) or reserved characters, at most {@link #MAX}
 * characters (the extension kept), never empty. Nothing is ever stored under this name (I2).
 */
final class FileNames {

    static final String FALLBACK = "attachment";
    static final int MAX = 120;

    private FileNames() {}

    static String sanitise(@Nullable String uploaded) {
        if (uploaded == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(uploaded, Normalizer.Form.NFC);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        var kept = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            int type = Character.getType(c);
            boolean invisible = Character.isISOControl(c)
                    || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED;
            if (invisible || "<>:\"|?*;%".indexOf(c) >= 0) {
                return;
            }
            kept.appendCodePoint(Character.isWhitespace(c) ? ' ' : c);
        });
        // no leading dots (hidden files, "..") and no trailing dots or spaces (Windows drops them)
        name = kept.toString().replaceAll(" {2,}", " ").replaceAll("^[. ]+", "").replaceAll("[. ]+$", "");
        if (name.codePointCount(0, name.length()) > MAX) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            String stem = name.substring(0, name.length() - extension.length());
            stem = stem.substring(0, stem.offsetByCodePoints(0, MAX - extension.length()));
            name = stem.strip() + extension;
        }
        return name.isEmpty() ? FALLBACK : name;
    }
}
