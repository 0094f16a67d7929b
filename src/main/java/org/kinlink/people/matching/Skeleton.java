package org.kinlink.people.matching;

/**
 * The sound skeleton of a Latin name, the common ground between Latin spellings and the Latin
 * reading of Persian script. Persian writes consonants and long vowels but not short vowels, and
 * Latin spellings disagree mostly on short vowels (Mohammad/Muhammad, Hosseini/Husseini), so:
 *
 * <ul>
 *   <li>short vowels (a, e, o) are dropped, except at the end of a name, where Persian writes them:
 *       {@code A} for ا (Zahra, Reza), {@code E} for the silent ه (Tahereh, Fatemeh), and a Latin
 *       final a stays an ambiguous {@code a} (Fatima: ه; Zahra: ا);
 *   <li>long vowels are kept: {@code I} for ی (ee, ei, ey, ai, ay, ie, final i: Hosseini, Heydari,
 *       Saeed) and {@code U} for و (oo, uu: Davood); a lone i or u, and ou, stay as lower-case
 *       {@code i}/{@code u} because they may stand for a short vowel (Ibrahim, Muhammad, the French
 *       Moustafa) or a long one, and cost less to ignore; after two consonants they are long
 *       (Mahmud, Nasrin);
 *   <li>letters that spell one Persian sound become one symbol: sh=S, kh=X, gh=q=Q, ch=C, zh=J,
 *       th=s (ث), dh=z (ذ), ph=f, w=v, c=k, dj=j;
 *   <li>a final h is dropped (the ه of Fatemeh), but ح after a consonant is kept (صالح);
 *       doubled letters count once.
 * </ul>
 *
 * <p>{@link #key} coarsens the skeleton further, to the consonants only, for the indexed keys.
 * {@link #spelling} keeps the short vowels instead, in three classes (a, e/i, o/u), for comparing
 * two Latin spellings with Jaro–Winkler without tripping over gh/q or ou/u.
 */
final class Skeleton {

    private Skeleton() {}

    /**
     * @param latin folded Latin text (lower-case ASCII letters and apostrophes)
     * @param nativeOrigin true for the output of {@link PersianLatin}: there every written vowel
     *     letter is long, and no short vowel appears
     */
    static String of(String latin, boolean nativeOrigin) {
        StringBuilder out = new StringBuilder(latin.length());
        append(latin, nativeOrigin, out);
        return out.toString();
    }

    /** Appends the skeleton of {@code latin}; a letter repeated across the join counts once. */
    static void append(String latin, boolean nativeOrigin, StringBuilder out) {
        read(latin, nativeOrigin ? Mode.NATIVE_SKELETON : Mode.SKELETON, out);
    }

    /** A Latin spelling with the transliteration conventions levelled, short vowels kept. */
    static String spelling(String latin) {
        StringBuilder out = new StringBuilder(latin.length());
        read(latin, Mode.SPELLING, out);
        return out.toString();
    }

    private enum Mode {
        SKELETON,
        NATIVE_SKELETON,
        SPELLING
    }

    private static void read(String latin, Mode mode, StringBuilder out) {
        int n = latin.length();
        int i = 0;
        int consonantsInRow = 0; // within this call: a compound's parts are read separately
        while (i < n) {
            char c = latin.charAt(i);
            if (c == '\'' || c < 'a' || c > 'z') {
                i++;
                continue;
            }
            if (isVowel(c) || vowelY(latin, i, mode)) {
                int end = i;
                while (end < n && (isVowel(latin.charAt(end)) || vowelY(latin, end, mode))) {
                    end++;
                }
                // the vowel that ends a name matters: Taher/Tahereh, Hamid/Hamideh, Zahra/Zohreh
                boolean ending = end == n || (end == n - 1 && latin.charAt(end) == 'h');
                if (mode == Mode.NATIVE_SKELETON) {
                    nativeVowels(latin, i, end, ending, out);
                } else {
                    // after two consonants a lone u closes the syllable and is long: Mahmud,
                    // Mansur (but Muhammad, Husayn, Yusuf: short)
                    boolean longU = end == n || consonantsInRow >= 2;
                    latinVowels(latin.substring(i, end), end == n, longU, ending, mode == Mode.SPELLING, out);
                }
                consonantsInRow = 0;
                i = end;
                continue;
            }
            consonantsInRow++;
            char next = i + 1 < n ? latin.charAt(i + 1) : 0;
            char digraph = next == 'h' ? hDigraph(c) : 0;
            if (digraph != 0) {
                append(out, digraph);
                i += 2;
                continue;
            }
            if ((c == 'd' && next == 'j') || (c == 'c' && next == 'k')) {
                append(out, c == 'd' ? 'j' : 'k');
                i += 2;
                continue;
            }
            switch (c) {
                case 'q' -> append(out, 'Q');
                case 'c' -> append(out, 'k');
                case 'x' -> append(out, 'X');
                case 'w' -> append(out, 'v');
                case 'h' -> {
                    // a final h is the silent ه (dropped; its vowel was read as E), except in Persian
                    // script after a consonant, where it is ح: صالح, Saleh
                    boolean finalH = i + 1 == n;
                    if (!finalH || (mode == Mode.NATIVE_SKELETON && i > 0 && !isVowel(latin.charAt(i - 1)))) {
                        append(out, 'h');
                    }
                }
                default -> append(out, c);
            }
            i++;
        }
    }

    /**
     * The coarse key of a skeleton: consonants only (y and v too are dropped, since ی and و are read
     * as vowels or consonants inconsistently, and a final h), but a final long i kept, because it tells the family
     * name Hosseini from the given name Hossein; z and d share one letter, since ض ظ ذ are z in
     * Persian and d or dh in Arabic spellings (Reza/Rida, Abolfazl/Abu al-Fadl). Lower-case ASCII
     * only, so that a case-insensitive database collation cannot merge two keys.
     */
    static String key(String skeleton) {
        StringBuilder out = new StringBuilder(skeleton.length() + 4);
        int n = skeleton.length();
        char previous = 0;
        for (int i = 0; i < n; i++) {
            char c = skeleton.charAt(i);
            if (c == 'i'
                    || c == 'u'
                    || c == 'U'
                    || c == 'y'
                    || c == 'v'
                    || c == 'a'
                    || c == 'A'
                    || c == 'E'
                    || (c == 'I' && i < n - 1)
                    || (c == 'h' && i == n - 1)) {
                continue;
            }
            if (c == 'z') {
                c = 'd';
            }
            if (c == previous) {
                continue;
            }
            previous = c;
            switch (c) {
                case 'S' -> out.append("sh");
                case 'X' -> out.append("kh");
                case 'C' -> out.append("ch");
                case 'Q' -> out.append('q');
                case 'J' -> out.append('j');
                case 'I' -> out.append('i');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static char hDigraph(char c) {
        return switch (c) {
            case 's' -> 'S';
            case 'k' -> 'X';
            case 'g' -> 'Q';
            case 'c' -> 'C';
            case 'z' -> 'J';
            case 't' -> 's';
            case 'd' -> 'z';
            case 'p' -> 'f';
            default -> 0;
        };
    }

    /**
     * Vowels in the reading of Persian script: every one written is long (i=ی, u=و), and a name
     * ends in a written vowel: A (ا, or ی read as a: مصطفی), E (the silent ه, Kurdish ە), U (ۆ).
     */
    private static void nativeVowels(String latin, int from, int to, boolean ending, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = latin.charAt(i);
            boolean last = ending && i == to - 1;
            if (c == 'i' || c == 'y') {
                append(out, 'I');
            } else if (c == 'u' || (last && c == 'o')) {
                append(out, 'U');
            } else if (last && c == 'a') {
                append(out, 'A');
            } else if (last && c == 'e') {
                append(out, 'E');
            }
        }
    }

    /**
     * One run of Latin vowel letters, read as one Persian vowel.
     *
     * @param longI whether a lone i here is long (at the end of the name: Ali, Hosseini)
     * @param longU whether a lone u here is long (at the end, or closing a syllable: Mahmud)
     * @param ending whether the run ends the name (perhaps before a final h): e/eh is the silent ه
     *     (E), a/ah is ا or the Arabic ة (a, either), o is و
     * @param spelling keep short vowels, as a (fatha), i (kasra: e, i) or u (damma: o, u)
     */
    private static void latinVowels(
            String run, boolean longI, boolean longU, boolean ending, boolean spelling, StringBuilder out) {
        if (run.length() > 1 && run.charAt(0) == 'i' && "aou".indexOf(run.charAt(1)) >= 0) {
            // Kian, Dariush, Ziaei: an i before another vowel is the consonant ی
            append(out, 'y');
            latinVowels(run.substring(1), longI, longU, ending, spelling, out);
            return;
        }
        char vowel;
        if (run.contains("oo") || run.contains("uu")) {
            vowel = 'U';
        } else if (run.contains("ee")
                || run.contains("ei")
                || run.contains("ey")
                || run.contains("ai")
                || run.contains("ay")
                || run.contains("ie")
                || run.contains("ii")
                || run.contains("iy")
                || run.contains("ae")) {
            vowel = 'I';
        } else if (run.indexOf('u') >= 0) {
            // u, ou: long in Persian spellings (Mousavi), short in Arabic and French ones (Moustafa)
            vowel = longU && (run.length() == 1 || run.equals("ou")) ? 'U' : 'u';
        } else if (run.indexOf('i') >= 0 || run.indexOf('y') >= 0) {
            vowel = longI ? 'I' : 'i';
        } else if (spelling) {
            vowel = run.charAt(0) == 'a' ? 'a' : run.charAt(0) == 'e' ? 'i' : 'u';
        } else if (ending) {
            char last = run.charAt(run.length() - 1);
            vowel = last == 'e' ? 'E' : last == 'a' ? 'a' : 'u';
        } else {
            return; // a, e, o inside a name: short vowels, not written in Persian
        }
        append(out, spelling ? Character.toLowerCase(vowel) : vowel);
    }

    /** Whether this y is (part of) a vowel. In the reading of Persian script y is always ی the consonant. */
    private static boolean vowelY(String s, int i, Mode mode) {
        return s.charAt(i) == 'y' && mode != Mode.NATIVE_SKELETON && !consonantalY(s, i);
    }

    /**
     * y before a vowel, or doubled (Ruqayya), is the consonant ی; otherwise it is part of a vowel,
     * as is a glide before i (Rezayi: رضایی).
     */
    private static boolean consonantalY(String s, int i) {
        if (i + 1 >= s.length()) {
            return false;
        }
        char next = s.charAt(i + 1);
        return next == 'y' || (isVowel(next) && next != 'i');
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    private static void append(StringBuilder out, char c) {
        int len = out.length();
        if (len > 0 && sameSound(out.charAt(len - 1), c)) {
            return;
        }
        out.append(c);
    }

    private static boolean sameSound(char a, char b) {
        return a == b
                || (a == 'I' && b == 'i')
                || (a == 'i' && b == 'I')
                || (a == 'U' && b == 'u')
                || (a == 'u' && b == 'U');
    }
}
