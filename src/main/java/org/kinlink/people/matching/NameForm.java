package org.kinlink.people.matching;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.jspecify.annotations.Nullable;

/**
 * One spelling of one name part (a given name, a family name, a father's name), prepared once for
 * comparing and for keys.
 *
 * @param latin the Latin spelling, joined and canonical (Latin input) or the reading of the Persian
 *     script (native input); equal Latin spellings are an exact match
 * @param spelling the Latin spelling with transliteration conventions levelled (see {@link
 *     Skeleton#spelling}); compared with Jaro–Winkler between Latin spellings
 * @param nativeText the folded Persian/Arabic spelling without spaces, or null for Latin input
 * @param skeleton see {@link Skeleton}; compared across scripts
 * @param key the coarse skeleton stored as a match key
 * @param phonetic Double Metaphone codes (primary, and alternate where it differs)
 * @param nativeOrigin whether the spelling was in Persian/Arabic script
 * @param alias whether it comes from the person's other spellings rather than the name fields
 */
record NameForm(
        String latin,
        String spelling,
        @Nullable String nativeText,
        String skeleton,
        String key,
        List<String> phonetic,
        boolean nativeOrigin,
        boolean alias) {

    private static final int PHONETIC_LENGTH = 6;

    /** Thread-safe after construction: encoding reads only the configured maximum length. */
    private static final DoubleMetaphone DOUBLE_METAPHONE = new DoubleMetaphone();

    static {
        DOUBLE_METAPHONE.setMaxCodeLen(PHONETIC_LENGTH);
    }

    /** Folded tokens without digits and honorifics: what is left of a name field to compare. */
    static List<String> tokens(@Nullable String text) {
        List<String> tokens = new ArrayList<>(TextFolding.tokens(text));
        tokens.removeIf(TextFolding::isDigits);
        return Honorifics.strip(tokens);
    }

    /**
     * The form of one name part from its folded tokens (honorifics already removed). Runs of tokens
     * in one script are joined: a compound written split or joined gives the same form.
     */
    static @Nullable NameForm of(List<String> tokens, boolean alias) {
        if (tokens.isEmpty()) {
            return null;
        }
        StringBuilder latin = new StringBuilder(24);
        StringBuilder spelling = new StringBuilder(24);
        StringBuilder nativeText = new StringBuilder(16);
        StringBuilder skeleton = new StringBuilder(16);
        int i = 0;
        while (i < tokens.size()) {
            boolean isNative = TextFolding.isNative(tokens.get(i));
            int end = i;
            while (end < tokens.size() && TextFolding.isNative(tokens.get(end)) == isNative) {
                end++;
            }
            List<String> run = tokens.subList(i, end);
            if (isNative) {
                String joined = String.join("", run);
                nativeText.append(joined);
                String reading = PersianLatin.toLatin(joined);
                latin.append(TextFolding.withoutApostrophes(reading));
                spelling.append(TextFolding.withoutApostrophes(reading));
                Skeleton.append(reading, true, skeleton);
            } else {
                CompoundNames.Joined joined = CompoundNames.join(run);
                latin.append(TextFolding.withoutApostrophes(joined.whole()));
                spelling.append(Skeleton.spelling(joined.head())).append(Skeleton.spelling(joined.rest()));
                Skeleton.append(joined.head(), false, skeleton);
                Skeleton.append(joined.rest(), false, skeleton);
            }
            i = end;
        }
        if (skeleton.isEmpty()) {
            return null;
        }
        String skel = skeleton.toString();
        boolean nativeOrigin = nativeText.length() > 0;
        return new NameForm(
                latin.toString(),
                spelling.toString(),
                nativeOrigin ? nativeText.toString() : null,
                skel,
                Skeleton.key(skel),
                phonetic(latin.toString()),
                nativeOrigin,
                alias);
    }

    /**
     * The forms of a family name: besides the name as written, the name without a leading Arabic
     * article (Al-Jubouri / Jubouri, الجبوری / جبوری), which Latin spellings often leave out.
     */
    static List<NameForm> familyForms(List<String> tokens, boolean alias) {
        List<NameForm> forms = new ArrayList<>(2);
        addIfPresent(forms, of(tokens, alias));
        if (tokens.size() > 1 && CompoundNames.isArticle(tokens.get(0), tokens.get(1))) {
            addIfPresent(forms, of(tokens.subList(1, tokens.size()), alias));
        } else if (!tokens.isEmpty() && TextFolding.isNative(tokens.get(0)) && hasNativeArticle(tokens.get(0))) {
            List<String> without = new ArrayList<>(tokens);
            without.set(0, tokens.get(0).substring(2));
            addIfPresent(forms, of(without, alias));
        }
        return forms;
    }

    static void addIfPresent(List<NameForm> forms, @Nullable NameForm form) {
        if (form != null) {
            forms.add(form);
        }
    }

    /** ال followed by at least four letters: the article, not the start of a name such as الهام. */
    private static boolean hasNativeArticle(String token) {
        return token.length() >= 6 && token.charAt(0) == TextFolding.ALEF && token.charAt(1) == '\u0644';
    }

    private static List<String> phonetic(String letters) {
        if (letters.isEmpty()) {
            return List.of();
        }
        // the alternate code can end in a space (DJ in Iradj): trim, and keep only real codes
        String primary = trim(DOUBLE_METAPHONE.doubleMetaphone(letters, false));
        String alternate = trim(DOUBLE_METAPHONE.doubleMetaphone(letters, true));
        if (primary.isEmpty()) {
            return alternate.isEmpty() ? List.of() : List.of(alternate);
        }
        return alternate.isEmpty() || alternate.equals(primary) ? List.of(primary) : List.of(primary, alternate);
    }

    private static String trim(@Nullable String code) {
        return code == null ? "" : code.strip();
    }
}
