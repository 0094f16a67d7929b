package org.kinlink.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Encrypts and decrypts sensitive string values with AES-256-GCM (Tink). The stored form is {@code
 * <keyId>:<base64url ciphertext>}: the id of the key that encrypted it stands beside each value, so
 * re-encryption after a key rotation can find the values still under an older key.
 *
 * <p>Decryption is a deliberate act of the service that decided the caller may see the value
 * (masking and reveal happen there); entities keep only the stored form.
 */
@Component
public class FieldCipher {

    private final KeyRing keys;

    public FieldCipher(KeyRing keys) {
        this.keys = keys;
    }

    public @Nullable String encrypt(@Nullable String plaintext, FieldBinding binding) {
        if (plaintext == null) {
            return null;
        }
        // one snapshot: the key id written beside the value is the key that encrypted it, even while
        // a rotation swaps the keys
        KeyRing.FieldKeys current = keys.fieldKeys();
        try {
            byte[] ciphertext =
                    current.aead().encrypt(plaintext.getBytes(StandardCharsets.UTF_8), binding.associatedData());
            return Integer.toUnsignedString(current.primaryId()) + ":"
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed for " + binding.table() + "." + binding.column(), e);
        }
    }

    public @Nullable String decrypt(@Nullable String stored, FieldBinding binding) {
        if (stored == null) {
            return null;
        }
        int colon = stored.indexOf(':');
        if (colon < 1) {
            throw new DecryptionFailed(binding, "not an encrypted value");
        }
        try {
            byte[] ciphertext = Base64.getUrlDecoder().decode(stored.substring(colon + 1));
            return new String(
                    keys.fieldKeys().aead().decrypt(ciphertext, binding.associatedData()), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new DecryptionFailed(binding, "wrong key, wrong row or altered value");
        }
    }

    /** The value decrypted and encrypted again under the current primary key. */
    public String reEncrypt(String stored, FieldBinding binding) {
        String plaintext = decrypt(stored, binding);
        String again = encrypt(plaintext, binding);
        if (again == null) {
            throw new IllegalStateException("Nothing to re-encrypt");
        }
        return again;
    }

    /**
     * Encrypts binary content (a stored file). The stored form is the ASCII {@code <keyId>:}
     * followed by the raw ciphertext (no base64, so a 20 MB file stays about 20 MB), so the same
     * prefix test finds values under an older key.
     */
    public byte[] encryptBytes(byte[] plaintext, FieldBinding binding) {
        KeyRing.FieldKeys current = keys.fieldKeys();
        try {
            byte[] ciphertext = current.aead().encrypt(plaintext, binding.associatedData());
            byte[] prefix = (Integer.toUnsignedString(current.primaryId()) + ":").getBytes(StandardCharsets.US_ASCII);
            byte[] stored = new byte[prefix.length + ciphertext.length];
            System.arraycopy(prefix, 0, stored, 0, prefix.length);
            System.arraycopy(ciphertext, 0, stored, prefix.length, ciphertext.length);
            return stored;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed for " + binding.table() + "." + binding.column(), e);
        }
    }

    /** Decrypts what {@link #encryptBytes} stored. */
    public byte[] decryptBytes(byte[] stored, FieldBinding binding) {
        int colon = -1;
        for (int i = 0; i < Math.min(stored.length, 12); i++) {
            if (stored[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon < 1) {
            throw new DecryptionFailed(binding, "not an encrypted value");
        }
        try {
            return keys.fieldKeys()
                    .aead()
                    .decrypt(java.util.Arrays.copyOfRange(stored, colon + 1, stored.length), binding.associatedData());
        } catch (GeneralSecurityException e) {
            throw new DecryptionFailed(binding, "wrong key, wrong row or altered value");
        }
    }

    /** Binary content decrypted and encrypted again under the current primary key. */
    public byte[] reEncryptBytes(byte[] stored, FieldBinding binding) {
        return encryptBytes(decryptBytes(stored, binding), binding);
    }

    /** The prefix of values encrypted under the current primary key. */
    public String primaryPrefix() {
        return Integer.toUnsignedString(keys.primaryFieldKeyId()) + ":";
    }

    /** True when the value was encrypted under a key other than the current primary one. */
    public boolean needsReEncryption(String stored) {
        return !stored.startsWith(Integer.toUnsignedString(keys.primaryFieldKeyId()) + ":");
    }

    /** True when binary content was encrypted under a key other than the current primary one. */
    public boolean needsReEncryption(byte[] stored) {
        byte[] prefix = primaryPrefix().getBytes(StandardCharsets.US_ASCII);
        return stored.length < prefix.length
                || !java.util.Arrays.equals(stored, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** A stored value could not be decrypted; the message never contains the value. */
    public static final class DecryptionFailed extends RuntimeException {
        DecryptionFailed(FieldBinding binding, String why) {
            super("Cannot decrypt " + binding.table() + "." + binding.column() + " of row " + binding.rowIdentity()
                    + ": " + why);
        }
    }
}
