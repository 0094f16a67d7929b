package org.kinlink.documents;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.openhtmltopdf.bidi.BidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import java.util.HashMap;
import java.util.Map;

/**
 * Arabic-script shaping for the PDF, Persian letters included. The PDF library draws one glyph per
 * character (no OpenType substitution), so each letter is replaced by its joined presentation form
 * (isolated, final, initial, medial) and lam + alef by their ligature. ICU's own text shaping leaves
 * the Persian letters (پ چ ژ گ ک ی) unjoined, so the forms are taken from the Unicode data here:
 * every presentation-form character's compatibility decomposition names its letter and position.
 * Reordering into visual order stays with ICU's bidi implementation.
 */
final class PersianShaper implements BidiReorderer {

    private static final int ISOLATED = 0;
    private static final int FINAL = 1;
    private static final int INITIAL = 2;
    private static final int MEDIAL = 3;
    private static final char LAM = '\u0644';

    /** letter → its four forms (0 where the form does not exist). */
    private static final Map<Character, char[]> FORMS = new HashMap<>();
    /** alef variant → lam-alef ligature, isolated and final. */
    private static final Map<Character, char[]> LAM_ALEF = new HashMap<>();
    /** Alef with madda, hamza above, hamza below, and plain alef. */
    private static final String ALEFS = "\u0622\u0623\u0625\u0627";

    static {
        Normalizer2 nfkc = Normalizer2.getNFKCInstance();
        for (int c = 0xFB50; c <= 0xFEFF; c++) {
            if (c > 0xFDFF && c < 0xFE70) {
                continue;
            }
            String base = nfkc.getRawDecomposition(c);
            if (base == null) {
                continue;
            }
            int form = switch (UCharacter.getIntPropertyValue(c, UProperty.DECOMPOSITION_TYPE)) {
                case UCharacter.DecompositionType.ISOLATED -> ISOLATED;
                case UCharacter.DecompositionType.FINAL -> FINAL;
                case UCharacter.DecompositionType.INITIAL -> INITIAL;
                case UCharacter.DecompositionType.MEDIAL -> MEDIAL;
                default -> -1;
            };
            if (form < 0) {
                continue;
            }
            if (base.length() == 1) {
                FORMS.computeIfAbsent(base.charAt(0), k -> new char[4])[form] = (char) c;
            } else if (base.length() == 2
                    && base.charAt(0) == LAM
                    && ALEFS.indexOf(base.charAt(1)) >= 0
                    && (form == ISOLATED || form == FINAL)) {
                // only lam-alef is a required ligature; the font's other lam ligatures (lam-meem,
                // lam-jeem...) exist only in isolated/final forms and broke words like کلمورین
                LAM_ALEF.computeIfAbsent(base.charAt(1), k -> new char[4])[form] = (char) c;
            }
        }
    }

    private final ICUBidiReorderer icu = new ICUBidiReorderer();

    @Override
    public String reorderRTLTextToLTR(String text) {
        return icu.reorderRTLTextToLTR(text);
    }

    @Override
    public String shapeText(String text) {
        return shape(text);
    }

    @Override
    public String deshapeText(String text) {
        var out = new StringBuilder(text.length());
        Normalizer2 nfkc = Normalizer2.getNFKCInstance();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String base = presentationForm(c) ? nfkc.getRawDecomposition(c) : null;
            out.append(base == null ? String.valueOf(c) : base);
        }
        return out.toString();
    }

    @Override
    public boolean isLiveImplementation() {
        return true;
    }

    /** The text (in logical order) with every Arabic-script letter in its joined form. */
    static String shape(String text) {
        var out = new StringBuilder(text.length());
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            char[] forms = FORMS.get(c);
            if (forms == null || !joins(c)) {
                out.append(c);
                continue;
            }
            boolean fromPrevious = joinsFollowing(previous(text, i)) && joinsPreceding(c);
            int nextAt = next(text, i);
            char following = nextAt < 0 ? 0 : text.charAt(nextAt);
            if (c == LAM && LAM_ALEF.containsKey(following)) {
                char[] ligature = LAM_ALEF.get(following);
                char form = ligature[fromPrevious ? FINAL : ISOLATED];
                if (form != 0) {
                    out.append(form);
                    // marks between the lam and the alef stay, after the ligature
                    out.append(text, i + 1, nextAt);
                    i = nextAt;
                    continue;
                }
            }
            boolean toNext = joinsFollowing(c) && nextAt >= 0 && joinsPreceding(following);
            out.append(pick(forms, fromPrevious, toNext, c));
        }
        return out.toString();
    }

    private static char pick(char[] forms, boolean fromPrevious, boolean toNext, char letter) {
        char chosen;
        if (fromPrevious && toNext) {
            chosen = forms[MEDIAL] != 0 ? forms[MEDIAL] : forms[FINAL];
        } else if (fromPrevious) {
            chosen = forms[FINAL];
        } else if (toNext) {
            chosen = forms[INITIAL];
        } else {
            chosen = forms[ISOLATED];
        }
        if (chosen == 0) {
            chosen = forms[ISOLATED] != 0 ? forms[ISOLATED] : letter;
        }
        return chosen;
    }

    /** The nearest character before {@code i} that is not a transparent mark, or 0. */
    private static char previous(String text, int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (!transparent(text.charAt(j))) {
                return text.charAt(j);
            }
        }
        return 0;
    }

    /** The index of the nearest character after {@code i} that is not a transparent mark, or -1. */
    private static int next(String text, int i) {
        for (int j = i + 1; j < text.length(); j++) {
            if (!transparent(text.charAt(j))) {
                return j;
            }
        }
        return -1;
    }

    private static int joiningType(char c) {
        return UCharacter.getIntPropertyValue(c, UProperty.JOINING_TYPE);
    }

    private static boolean transparent(char c) {
        return joiningType(c) == UCharacter.JoiningType.TRANSPARENT;
    }

    private static boolean joins(char c) {
        int type = joiningType(c);
        return type == UCharacter.JoiningType.DUAL_JOINING || type == UCharacter.JoiningType.RIGHT_JOINING;
    }

    /** Whether the character connects to the letter after it (dual-joining, or a joiner such as tatweel). */
    private static boolean joinsFollowing(char c) {
        int type = joiningType(c);
        return type == UCharacter.JoiningType.DUAL_JOINING
                || type == UCharacter.JoiningType.JOIN_CAUSING
                || type == UCharacter.JoiningType.LEFT_JOINING;
    }

    /** Whether the character connects to the letter before it. */
    private static boolean joinsPreceding(char c) {
        int type = joiningType(c);
        return type == UCharacter.JoiningType.DUAL_JOINING
                || type == UCharacter.JoiningType.RIGHT_JOINING
                || type == UCharacter.JoiningType.JOIN_CAUSING;
    }

    private static boolean presentationForm(char c) {
        return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
    }
}
