package org.kinlink.people.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Compound names written joined, split or hyphenated (Abdolreza, Abdol Reza, Abdol-Reza, Abd al-Reza,
 * Abdulreza, Abdorreza). Once tokens are joined the only differences left are in the common first
 * parts (abd/abdol/abdul, abu/abol, gholam/ghulam/qolam, mohammad/muhammad/mohamed) and in the
 * Arabic article, which is written al/el/ol/ul or assimilated to the next consonant (ar-Rahman,
 * ad-Din, Nasreddin). This class brings those to one spelling, so Latin spellings of a compound
 * compare equal; Persian script needs none of it, since it always writes the article as ال.
 */
final class CompoundNames {

    /** Latin spellings of Mohammad, longest first so that the longest prefix wins. */
    private static final List<String> MOHAMMAD = List.of(
            "mouhammad",
            "muhammad",
            "mohammad",
            "muhammed",
            "mohammed",
            "mohammet",
            "muhamad",
            "mohamad",
            "muhamed",
            "mohamed",
            "mahammad");

    private static final List<String> GHOLAM =
            List.of("gholaam", "gholam", "ghulam", "qolam", "qulam", "golam", "gulam");

    private static final List<String> AHMAD = List.of("ahmad", "ahmed");

    /** Ending "of the faith" (Nasreddin, Salahuddin, Shams al-Din), written with or without the l. */
    private static final List<String> DIN =
            List.of("eddin", "oddin", "uddin", "addin", "aldin", "oldin", "uldin", "eldin", "edin", "odin", "udin");

    /** Ending "of God" (Rouhollah, Nasrullah, Habib Allah), written with o, u or a. */
    private static final List<String> ALLAH = List.of("ullah", "ollah", "allah", "ulla", "olla", "olah", "ulah");

    private static final Set<String> ARTICLES = Set.of("al", "el", "ol", "ul");

    /** Arabic "sun letters", before which the article's l is pronounced as the letter itself. */
    private static final List<String> SUN_LETTERS = List.of("sh", "th", "dh", "zh", "t", "d", "r", "z", "s", "n", "l");

    private CompoundNames() {}

    /** A joined compound split where the parts meet: its first part (possibly empty) and the rest. */
    record Joined(String head, String rest) {
        String whole() {
            return head + rest;
        }
    }

    /**
     * The Latin tokens of one name part joined to one canonical spelling. Keeping the head apart
     * matters to {@link Skeleton}: in "mohammad" + "hossein" the d and h must not read as dh.
     */
    static Joined join(List<String> latinTokens) {
        List<String> tokens = canonicalArticles(latinTokens);
        String joined = String.join("", tokens);
        Joined split = splitHead(joined);
        return new Joined(split.head, canonicalEnding(split.rest));
    }

    /**
     * Tokens that are the Arabic article: al/el/ol/ul, or an article assimilated to the next token's
     * first consonant (ar-Rahman, ad-Din, as-Sadr), all written "al".
     */
    static boolean isArticle(String token, String nextToken) {
        if (ARTICLES.contains(token)) {
            return true;
        }
        if (token.length() < 2 || token.length() > 3 || "aeiou".indexOf(token.charAt(0)) < 0) {
            return false;
        }
        String consonant = token.substring(1);
        return SUN_LETTERS.contains(consonant) && nextToken.startsWith(consonant);
    }

    private static List<String> canonicalArticles(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            boolean hasNext = i + 1 < tokens.size();
            out.add(hasNext && isArticle(token, tokens.get(i + 1)) ? "al" : token);
        }
        return out;
    }

    private static Joined splitHead(String s) {
        for (String variant : MOHAMMAD) {
            if (s.startsWith(variant)) {
                return new Joined("mohammad", s.substring(variant.length()));
            }
        }
        for (String variant : AHMAD) {
            if (s.startsWith(variant)) {
                return new Joined("ahmad", s.substring(variant.length()));
            }
        }
        for (String variant : GHOLAM) {
            if (s.startsWith(variant)) {
                return new Joined("gholam", s.substring(variant.length()));
            }
        }
        if (s.startsWith("abd")) {
            Joined abd = abdCompound(s);
            if (abd != null) {
                return abd;
            }
        }
        if (s.startsWith("ab")) {
            Joined abu = abuCompound(s);
            if (abu != null) {
                return abu;
            }
        }
        return new Joined("", s);
    }

    /**
     * abd + vowel + (l | doubled sun letter) + name: Abdolreza, Abdulreza, Abdalreza, Abdelreza,
     * Abdorreza, Abdurrahman. Abdi or Abdollahi-like names without a following name stay as they are.
     */
    private static @Nullable Joined abdCompound(String s) {
        int i = 3;
        if (i < s.length() && "aeiou".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        if (i + 1 < s.length() && s.charAt(i) == 'l') {
            i++;
        } else if (i + 1 < s.length() && s.charAt(i) == s.charAt(i + 1) && "aeiou".indexOf(s.charAt(i)) < 0) {
            i++; // assimilated article: abdo-rr-eza
        } else {
            return null;
        }
        String rest = s.substring(i);
        return rest.length() >= 3 ? new Joined("abdol", rest) : null;
    }

    /** abu/abo/abou (+ a from a split "abu al") + l + name: Abolfazl, Abulfazl, Abu al-Fazl. */
    private static @Nullable Joined abuCompound(String s) {
        int i = 2;
        int vowels = 0;
        while (i < s.length() && (s.charAt(i) == 'o' || s.charAt(i) == 'u') && vowels < 2) {
            i++;
            vowels++;
        }
        if (vowels == 0) {
            return null;
        }
        if (i < s.length() && s.charAt(i) == 'a') {
            i++;
        }
        if (i >= s.length() || s.charAt(i) != 'l') {
            return null;
        }
        String rest = s.substring(i + 1);
        return rest.length() >= 3 ? new Joined("abol", rest) : null;
    }

    private static String canonicalEnding(String s) {
        String din = replaceEnding(s, DIN, "aldin");
        return din != s ? din : replaceEnding(s, ALLAH, "ollah");
    }

    /** The name with the first matching ending replaced, or the very same string if none matched. */
    private static String replaceEnding(String s, List<String> endings, String canonical) {
        for (String ending : endings) {
            if (s.endsWith(ending) && s.length() - ending.length() >= 3) {
                return s.substring(0, s.length() - ending.length()) + canonical;
            }
        }
        return s;
    }
}
