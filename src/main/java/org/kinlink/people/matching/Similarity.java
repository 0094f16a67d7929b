package org.kinlink.people.matching;

/**
 * The two string similarities the matcher uses. Jaro–Winkler on Latin spellings sees the vowels
 * and the shape of the word; the weighted edit distance on {@link Skeleton}s compares across
 * scripts and charges little for what transliterations commonly disagree on (a short i or u, y
 * for ی, v for و, gh for q) and the full price for anything else.
 */
final class Similarity {

    private static final double WINKLER_SCALE = 0.1;
    private static final int WINKLER_MAX_PREFIX = 4;

    private Similarity() {}

    /** Jaro–Winkler similarity, 1 for equal strings, 0 for strings with nothing in common. */
    static double jaroWinkler(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0.0;
        }
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        boolean[] matchedA = new boolean[la];
        boolean[] matchedB = new boolean[lb];
        int matches = 0;
        for (int i = 0; i < la; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!matchedB[j] && a.charAt(i) == b.charAt(j)) {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        int j = 0;
        for (int i = 0; i < la; i++) {
            if (!matchedA[i]) {
                continue;
            }
            while (!matchedB[j]) {
                j++;
            }
            if (a.charAt(i) != b.charAt(j)) {
                transpositions++;
            }
            j++;
        }
        double m = matches;
        double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
        int prefix = 0;
        int maxPrefix = Math.min(WINKLER_MAX_PREFIX, Math.min(la, lb));
        while (prefix < maxPrefix && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * WINKLER_SCALE * (1.0 - jaro);
    }

    /** 1 − (weighted edit distance / length of the longer skeleton), never below 0. */
    static double skeletons(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0.0;
        }
        double[] previous = new double[lb + 1];
        double[] current = new double[lb + 1];
        for (int j = 1; j <= lb; j++) {
            previous[j] = previous[j - 1] + indel(b.charAt(j - 1));
        }
        for (int i = 1; i <= la; i++) {
            char ca = a.charAt(i - 1);
            current[0] = previous[0] + indel(ca);
            for (int j = 1; j <= lb; j++) {
                char cb = b.charAt(j - 1);
                double substitute = previous[j - 1] + substitution(ca, cb);
                double delete = previous[j] + indel(ca);
                double insert = current[j - 1] + indel(cb);
                current[j] = Math.min(substitute, Math.min(delete, insert));
            }
            double[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.max(0.0, 1.0 - previous[lb] / Math.max(la, lb));
    }

    /**
     * Similarity of two spellings in Persian/Arabic script, letter by letter: 1 − (weighted edit
     * distance / length of the longer). Both spellings show every consonant and long vowel, so this
     * is stricter than comparing skeletons (سعدی and اسدی have one skeleton, but are Saadi and
     * Asadi). Cheap: a doubled letter written once (داوود/داود), an alef left out (ابرهیم), letters
     * of one sound (ت/ط, س/ص/ث, ز/ذ/ض/ظ, ح/ه, ق/غ), and Persian letters an Arabic keyboard lacks
     * (گ/ک, پ/ب, چ/ج, ژ/ز).
     */
    static double nativeLetters(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0.0;
        }
        double[] previous = new double[lb + 1];
        double[] current = new double[lb + 1];
        for (int j = 1; j <= lb; j++) {
            previous[j] = previous[j - 1] + nativeIndel(b, j - 1);
        }
        for (int i = 1; i <= la; i++) {
            current[0] = previous[0] + nativeIndel(a, i - 1);
            for (int j = 1; j <= lb; j++) {
                double substitute = previous[j - 1] + nativeSubstitution(a.charAt(i - 1), b.charAt(j - 1));
                double delete = previous[j] + nativeIndel(a, i - 1);
                double insert = current[j - 1] + nativeIndel(b, j - 1);
                current[j] = Math.min(substitute, Math.min(delete, insert));
            }
            double[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.max(0.0, 1.0 - previous[lb] / Math.max(la, lb));
    }

    private static double nativeIndel(String s, int i) {
        char c = s.charAt(i);
        if ((i > 0 && s.charAt(i - 1) == c) || (i + 1 < s.length() && s.charAt(i + 1) == c)) {
            return 0.2;
        }
        return c == TextFolding.ALEF ? 0.5 : 1.0;
    }

    private static final int ARABIC_BLOCK = 0x0600;
    private static final double[][] NATIVE_SUBSTITUTION = nativeSubstitutionCosts();

    private static double nativeSubstitution(char a, char b) {
        if (a == b) {
            return 0.0;
        }
        int x = a - ARABIC_BLOCK;
        int y = b - ARABIC_BLOCK;
        return x >= 0 && x < 256 && y >= 0 && y < 256 ? NATIVE_SUBSTITUTION[x][y] : 1.0;
    }

    private static double[][] nativeSubstitutionCosts() {
        double[][] cost = new double[256][256];
        for (int i = 0; i < 256; i++) {
            java.util.Arrays.fill(cost[i], 1.0);
            cost[i][i] = 0.0;
        }
        nativeGroup(cost, 0.3, "گک", "پب", "چج", "ژز");
        nativeGroup(cost, 0.5, "تط", "سصث", "زذضظ", "حه", "قغ");
        return cost;
    }

    private static void nativeGroup(double[][] cost, double price, String... groups) {
        for (String group : groups) {
            for (int i = 0; i < group.length(); i++) {
                for (int j = 0; j < group.length(); j++) {
                    if (i != j) {
                        cost[group.charAt(i) - ARABIC_BLOCK][group.charAt(j) - ARABIC_BLOCK] = price;
                    }
                }
            }
        }
    }

    /** The price of a symbol one spelling has and the other has not. */
    private static double indel(char c) {
        return switch (c) {
            case 'i', 'u' -> 0.4; // a lone i/u may be a short vowel that Persian does not write
            case 'y', 'v' -> 0.6; // ی and و between vowels are written or not
            case 'h' -> 0.6; // a weak h (Mohsen/Mosen, Ebrahim/Ebraim)
            default -> 1.0; // consonants and the long vowels I, U
        };
    }

    /** The price of reading one symbol as another, for every pair of ASCII symbols. */
    private static final double[][] SUBSTITUTION = substitutionCosts();

    private static double substitution(char a, char b) {
        return a < 128 && b < 128 ? SUBSTITUTION[a][b] : (a == b ? 0.0 : 1.0);
    }

    private static double[][] substitutionCosts() {
        double[][] cost = new double[128][128];
        for (int i = 0; i < 128; i++) {
            java.util.Arrays.fill(cost[i], 1.0);
            cost[i][i] = 0.0;
        }
        pairs(cost, 0.0, "Ii", "Uu", "Aa"); // the same vowel, long or possibly short
        pairs(cost, 0.1, "Ea"); // a final -a for ه (Fatima, Fatemeh)
        pairs(cost, 0.2, "Eh"); // Latin -eh for ح (Saleh, صالح)
        pairs(cost, 0.15, "Iy", "iy", "Uv", "uv"); // ی and و read as vowel or as consonant
        pairs(cost, 0.3, "Jj", "dz", "CS"); // zh/j (Zhila, Jila), Arabic d for ض (Khidri), French ch
        pairs(cost, 0.8, "AE"); // ا and ه ending a name: Zahra, Zohreh
        pairs(cost, 0.4, "Jz", "Qg"); // zh/z, gh/g (Ghorbani, Gorbani)
        pairs(cost, 0.5, "Qk", "Xh", "Xk", "QX", "bp", "fv"); // Qasem/Kasem, Khalil/Halil...
        pairs(cost, 0.6, "Ss", "Cj", "dt", "gk", "fp");
        pairs(cost, 0.7, "sz", "st", "jz", "Ui", "Iu", "iu", "IU");
        return cost;
    }

    private static void pairs(double[][] cost, double price, String... pairs) {
        for (String pair : pairs) {
            cost[pair.charAt(0)][pair.charAt(1)] = price;
            cost[pair.charAt(1)][pair.charAt(0)] = price;
        }
    }
}
