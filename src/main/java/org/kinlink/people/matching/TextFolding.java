package org.kinlink.people.matching;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns a name as typed into tokens that differ only where the name differs: Arabic letter forms
 * become the Persian ones (so ي/ی, ك/ک, ة/ه, أ/ا ... compare equal), diacritics, tatweel and
 * zero-width characters (ZWNJ included, so حسین‌زاده and حسینزاده are one token) disappear,
 * hyphens, dots and other punctuation separate tokens, Latin text becomes lower-case ASCII.
 * Apostrophes stay inside Latin tokens because they keep "s'h" from reading as "sh".
 */
final class TextFolding {

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

    /** Only for tokens with non-ASCII Latin (or other non-Arabic) letters, so it rarely runs. */
    private static final Transliterator TO_ASCII =
            Transliterator.getInstance("Any-Latin; NFD; [:Nonspacing Mark:] Remove; NFC; Latin-ASCII; Lower");

    static final char YEH = '\u06CC';
    static final char KEHEH = '\u06A9';
    static final char HEH = '\u0647';
    static final char ALEF = '\u0627';
    static final char WAW = '\u0648';

    private TextFolding() {}

    /** The tokens of a text, each either entirely in Arabic script or entirely Latin/digits. */
    static List<String> tokens(@Nullable String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return tokens;
        }
        String s = NFKC.normalize(text);
        StringBuilder token = new StringBuilder(16);
        Kind tokenScript = null; // NATIVE, ASCII_LETTER or DIGIT once the token has a letter or digit
        boolean tokenNeedsAscii = false;
        for (int i = 0; i < s.length(); i++) {
            char folded = foldArabic(s.charAt(i));
            if (folded == SKIP) {
                continue;
            }
            Kind kind = kindOf(folded);
            Kind script = kind == Kind.OTHER_LETTER ? Kind.ASCII_LETTER : kind;
            boolean scriptChanges = script != Kind.APOSTROPHE && tokenScript != null && script != tokenScript;
            if (kind == Kind.SEPARATOR || scriptChanges) {
                // a separator, or a change between Arabic script, Latin and digits: close the token
                flush(tokens, token, tokenNeedsAscii);
                tokenNeedsAscii = false;
                tokenScript = null;
                if (kind == Kind.SEPARATOR) {
                    continue;
                }
            }
            if (script != Kind.APOSTROPHE) {
                tokenScript = script;
            }
            switch (kind) {
                case NATIVE, DIGIT -> token.append(folded);
                case APOSTROPHE -> token.append('\'');
                case ASCII_LETTER -> token.append(Character.toLowerCase(folded));
                case OTHER_LETTER -> {
                    token.append(folded);
                    tokenNeedsAscii = true;
                }
                default -> throw new IllegalStateException("unexpected " + kind);
            }
        }
        flush(tokens, token, tokenNeedsAscii);
        return tokens;
    }

    /** The folded text as one string, tokens separated by single spaces (for tests and display). */
    static String fold(@Nullable String text) {
        return String.join(" ", tokens(text));
    }

    static boolean isNative(String token) {
        return !token.isEmpty() && isArabicBlock(token.charAt(0));
    }

    static boolean isDigits(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                return false;
            }
        }
        return !token.isEmpty();
    }

    /** The token without apostrophes: the form compared letter by letter. */
    static String withoutApostrophes(String token) {
        return token.indexOf('\'') < 0 ? token : token.replace("'", "");
    }

    private static void flush(List<String> tokens, StringBuilder token, boolean needsAscii) {
        if (token.length() == 0) {
            return;
        }
        String t = token.toString();
        token.setLength(0);
        if (needsAscii) {
            t = asciiOnly(TO_ASCII.transliterate(t));
        }
        t = trimApostrophes(t);
        if (t.isEmpty()) {
            return;
        }
        // inside Arabic script an apostrophe means nothing: ع and ء are letters there
        tokens.add(isNative(t) ? withoutApostrophes(t) : t);
    }

    private static String trimApostrophes(String t) {
        int start = 0;
        int end = t.length();
        while (start < end && t.charAt(start) == '\'') {
            start++;
        }
        while (end > start && t.charAt(end - 1) == '\'') {
            end--;
        }
        return t.substring(start, end);
    }

    /** Whatever Latin-ASCII could not express (a symbol, an unknown script) is dropped. */
    private static String asciiOnly(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                out.append(Character.toLowerCase(c));
            } else if (c == '\'') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static final char SKIP = '\uFFFF';

    /**
     * One character mapped to the form the rest of the matcher expects, or {@link #SKIP}. Arabic
     * letter forms are mapped to the Persian letters because Persian names are mostly typed on
     * Persian keyboards, and the same name typed on an Arabic keyboard must compare equal.
     */
    static char foldArabic(char c) {
        return switch (c) {
            // yeh: Arabic yeh, alef maksura, yeh with hamza, Urdu/Pashto forms
            case '\u064A', '\u0649', '\u0626', '\u06D0', '\u06D2', '\u06D3' -> YEH;
            // kaf: Arabic kaf, swash kaf
            case '\u0643', '\u06AA' -> KEHEH;
            // heh: teh marbuta, heh with yeh above (ezafe), heh goal, heh doachashmee
            case '\u0629', '\u06C0', '\u06C1', '\u06C2', '\u06BE' -> HEH;
            // alef with hamza above/below, madda, wasla, wavy hamza forms
            case '\u0623', '\u0625', '\u0622', '\u0671', '\u0672', '\u0673' -> ALEF;
            case '\u0624' -> WAW;
            case '\u06BA' -> '\u0646'; // noon ghunna
            // hamza on its own is mostly dropped in Persian spellings (اسماء / اسما)
            case '\u0621', '\u0674' -> SKIP;
            case '\u0640' -> SKIP; // tatweel (kashida), only stretches the line
            // zero-width and direction controls: ZWSP, ZWNJ, ZWJ, LRM, RLM, embeddings, isolates,
            // word joiner, BOM, soft hyphen, combining grapheme joiner, Mongolian vowel separator
            case '\u200B', '\u200C', '\u200D', '\u200E', '\u200F' -> SKIP;
            case '\u202A', '\u202B', '\u202C', '\u202D', '\u202E' -> SKIP;
            case '\u2060', '\u2061', '\u2062', '\u2063', '\u2064' -> SKIP;
            case '\u2066', '\u2067', '\u2068', '\u2069', '\uFEFF', '\u00AD', '\u034F', '\u180E' -> SKIP;
            default -> {
                if (isArabicMark(c)) {
                    yield SKIP;
                }
                if (c >= '\u0660' && c <= '\u0669') {
                    yield (char) ('0' + (c - '\u0660'));
                }
                if (c >= '\u06F0' && c <= '\u06F9') {
                    yield (char) ('0' + (c - '\u06F0'));
                }
                yield c;
            }
        };
    }

    /** Harakat, shadda, sukun, superscript alef, Quranic annotation marks. */
    private static boolean isArabicMark(char c) {
        return (c >= '\u064B' && c <= '\u065F')
                || c == '\u0670'
                || (c >= '\u0610' && c <= '\u061A')
                || (c >= '\u06D6' && c <= '\u06ED' && c != '\u06D5')
                || (c >= '\u08D3' && c <= '\u08FF');
    }

    private static boolean isArabicBlock(char c) {
        return (c >= '\u0600' && c <= '\u06FF') || (c >= '\u0750' && c <= '\u077F') || (c >= '\u08A0' && c <= '\u08FF');
    }

    private enum Kind {
        NATIVE,
        ASCII_LETTER,
        OTHER_LETTER,
        DIGIT,
        APOSTROPHE,
        SEPARATOR
    }

    private static Kind kindOf(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
            return Kind.ASCII_LETTER;
        }
        if (c >= '0' && c <= '9') {
            return Kind.DIGIT;
        }
        if (isApostrophe(c)) {
            return Kind.APOSTROPHE;
        }
        if (isArabicBlock(c)) {
            // Arabic punctuation (comma, semicolon, question mark, percent...) separates
            return Character.isLetter(c) ? Kind.NATIVE : Kind.SEPARATOR;
        }
        if (Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
            return Kind.OTHER_LETTER;
        }
        return Kind.SEPARATOR;
    }

    /** Apostrophes, and the half rings and primes used for ain and hamza in transliterations. */
    private static boolean isApostrophe(char c) {
        return switch (c) {
            case '\'',
                    '\u2018',
                    '\u2019',
                    '\u201B',
                    '`',
                    '\u00B4',
                    '\u02BC',
                    '\u02BB',
                    '\u02BE',
                    '\u02BF',
                    '\u2032',
                    '\u02B9' -> true;
            default -> false;
        };
    }
}
