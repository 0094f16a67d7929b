package org.kinlink.crypto;

import com.google.crypto.tink.Mac;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Keyed hash (HMAC-SHA256, a key separate from the encryption key) of a normalised value, stored
 * beside an encrypted value so that it can be found by exact match without decrypting. It leaks
 * which rows hold equal values; that is accepted and documented (docs/design-decisions).
 */
@Component
public class BlindIndex {

    private final Mac mac;

    public BlindIndex(KeyRing keys) {
        try {
            this.mac = keys.blindIndexMac();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The blind-index keyset cannot produce a MAC", e);
        }
    }

    /**
     * The index of a value for one purpose (for example {@code "person.phone"}); the purpose keeps
     * equal values of different fields from sharing an index.
     */
    public String of(String purpose, String value) {
        byte[] input = (purpose + "\u0000" + normalise(value)).getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(mac.computeMac(input));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Blind index failed for " + purpose, e);
        }
    }

    /**
     * Unicode NFKC, lower case, Arabic letter forms folded to their Persian equivalents (ي/ی,
     * ك/ک, so a value typed on either keyboard gets one index), zero-width characters removed,
     * trimmed, inner white space collapsed to one space.
     */
    public static String normalise(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replace('\u064A', '\u06CC')
                .replace('\u0649', '\u06CC')
                .replace('\u0643', '\u06A9')
                .replaceAll("[\u200B-\u200F\u2060\uFEFF]", "")
                .strip()
                .replaceAll("\\s+", " ");
    }
}
