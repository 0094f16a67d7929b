package org.kinlink.people.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Titles and honorifics that are written with a name but are not part of it: Seyed (descendant of
 * the Prophet, in a dozen spellings), Haj (made the pilgrimage), Mirza, Agha, Sheikh, Mulla, Khanom,
 * Sadat... One family writes them, another leaves them out, so the matcher ignores them. A token is
 * only dropped when something else remains: "Mirza" alone is a name.
 */
final class Honorifics {

    private static final Set<String> TOKENS = Set.of(
            // Latin
            "seyed",
            "seyyed",
            "seied",
            "seyd",
            "sayed",
            "sayyed",
            "sayyid",
            "sayid",
            "syed",
            "sied",
            "sadat",
            "mir",
            "haj",
            "hajj",
            "haji",
            "hajji",
            "hadj",
            "hadji",
            "mirza",
            "agha",
            "aqa",
            "aga",
            "sheikh",
            "sheykh",
            "shaikh",
            "shaykh",
            "mulla",
            "mullah",
            "molla",
            "mollah",
            "khanom",
            "khanum",
            "khanoum",
            "begum",
            "mr",
            "mrs",
            "ms",
            "miss",
            "dr",
            // Persian/Arabic script, folded (آقا becomes اقا, سيد becomes سید)
            "سید",
            "سادات",
            "میر",
            "حاج",
            "حاجی",
            "حاجیه",
            "میرزا",
            "اقا",
            "شیخ",
            "ملا",
            "خانم",
            "بیگم");

    /**
     * Prefixes that are written joined to the name on some documents (SEYEDMOHAMMAD): dropped when
     * at least {@link #MIN_REST} letters follow, so that the family name Seyedi stays intact. Mir is
     * not here: Mirzaei and Mirhashemi are family names in their own right.
     */
    private static final List<String> JOINED_PREFIXES =
            List.of("seyyed", "sayyed", "sayyid", "seyed", "sayed", "syed", "سید");

    private static final int MIN_REST = 3;

    private Honorifics() {}

    static boolean isHonorific(String token) {
        return TOKENS.contains(token);
    }

    /** The tokens without honorifics, or the tokens as they are if nothing else would remain. */
    static List<String> strip(List<String> tokens) {
        List<String> kept = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            if (!isHonorific(token)) {
                kept.add(withoutJoinedPrefix(token));
            }
        }
        return kept.isEmpty() ? tokens : kept;
    }

    private static String withoutJoinedPrefix(String token) {
        for (String prefix : JOINED_PREFIXES) {
            if (token.startsWith(prefix) && token.length() - prefix.length() >= MIN_REST + 1) {
                return token.substring(prefix.length());
            }
        }
        return token;
    }
}
