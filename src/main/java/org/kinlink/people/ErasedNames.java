package org.kinlink.people;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The names of a person being erased (every spelling, both scripts), held only in memory during the
 * erasure so that the modules can take them out of free text (a case title, a letter subject) and
 * put the pseudonym {@code token} in their place. Never stored, logged or shown.
 */
public record ErasedNames(List<String> names, String token) {

    public ErasedNames {
        names = names.stream()
                .map(String::strip)
                .filter(n -> n.codePointCount(0, n.length()) >= 2)
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /** The text with every occurrence of a name (ignoring case) replaced by the token. */
    public @Nullable String scrub(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String name : names) {
            result = Pattern.compile(Pattern.quote(name), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    .matcher(result)
                    .replaceAll(Matcher.quoteReplacement(token));
        }
        return result;
    }

    /** Whether the text holds one of the names. */
    public boolean occursIn(@Nullable String text) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return names.stream().anyMatch(n -> lower.contains(n.toLowerCase(Locale.ROOT)));
    }
}
