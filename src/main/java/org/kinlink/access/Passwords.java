package org.kinlink.access;

import java.security.SecureRandom;

/** Random passwords for the bootstrap administrator and for resets, and recovery codes. */
final class Passwords {

    // no look-alike characters (0/O, 1/l/I), so a password read aloud or copied by hand survives
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final char[] LOWER = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {}

    static String random() {
        var password = new StringBuilder(23);
        for (int group = 0; group < 4; group++) {
            if (group > 0) {
                password.append('-');
            }
            for (int i = 0; i < 5; i++) {
                password.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
            }
        }
        return password.toString();
    }

    /** A recovery code of the second factor: ten characters (50 bits) shown as {@code xxxxx-xxxxx}. */
    static String recoveryCode() {
        var code = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(LOWER[RANDOM.nextInt(LOWER.length)]);
        }
        return code.toString();
    }
}
