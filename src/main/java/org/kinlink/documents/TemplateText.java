package org.kinlink.documents;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kinlink.InvalidInput;

/**
 * The {@code {{placeholder}}} tokens of a template's text: checking them and filling them in (for a
 * preview of text not saved yet, too).
 */
public final class TemplateText {

    private static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private TemplateText() {}

    /** Refuses a text with a token that is not a known placeholder, or with unbalanced braces, naming it. */
    public static void check(String field, String text) {
        Matcher m = TOKEN.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (m.find()) {
            if (Placeholder.byKey(m.group(1)).isEmpty()) {
                throw new InvalidInput(field, "documents.unknown-placeholder", shorten(m.group()));
            }
            m.appendReplacement(rest, "");
        }
        m.appendTail(rest);
        int open = rest.indexOf("{{");
        int close = rest.indexOf("}}");
        if (open >= 0 || close >= 0) {
            int at = open >= 0 ? open : close;
            throw new InvalidInput(
                    field,
                    "documents.unknown-placeholder",
                    shorten(rest.substring(at, Math.min(rest.length(), at + 30))));
        }
    }

    /** Replaces every placeholder by its value; a placeholder without a value becomes empty. */
    public static String fill(String text, Map<Placeholder, String> values) {
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Optional<Placeholder> placeholder = Placeholder.byKey(m.group(1));
            String value = placeholder.map(values::get).orElse("");
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String shorten(String token) {
        return token.length() > 60 ? token.substring(0, 60) + "…" : token;
    }
}
