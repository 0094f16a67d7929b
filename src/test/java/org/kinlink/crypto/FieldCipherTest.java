package org.kinlink.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** D1: sensitive values encrypted with AES-256-GCM, bound to their row and column. */
class FieldCipherTest {

    private static final String PHONE = "+98 912 555 0142";
    private static final FieldBinding PERSON_7_PHONE = new FieldBinding("person", "phone", "row-7");

    private static KeyRing keys;
    private static FieldCipher cipher;

    @BeforeAll
    static void keys(@TempDir Path dir) {
        Path file = dir.resolve("keyset.json");
        KeyRing.generate(file);
        keys = KeyRing.load(file, false);
        cipher = new FieldCipher(keys);
    }

    @Test
    void a_value_decrypts_to_what_was_encrypted() {
        String stored = cipher.encrypt(PHONE, PERSON_7_PHONE);

        assertThat(cipher.decrypt(stored, PERSON_7_PHONE)).isEqualTo(PHONE);
    }

    @Test
    void persian_text_survives_encryption() {
        String name = "مریم رضایی";

        assertThat(cipher.decrypt(cipher.encrypt(name, PERSON_7_PHONE), PERSON_7_PHONE))
                .isEqualTo(name);
    }

    @Test
    void the_stored_form_is_the_key_id_and_the_ciphertext_without_the_plaintext() {
        // a value made of base64 characters, so that it could show through unchanged or merely encoded
        String email = "MaryamRezaei1990atExampleOrg";
        String stored = cipher.encrypt(email, PERSON_7_PHONE);

        assertThat(stored).matches("\\d+:[A-Za-z0-9_-]+");
        assertThat(stored).startsWith(Integer.toUnsignedString(keys.primaryFieldKeyId()) + ":");
        assertThat(stored)
                .doesNotContain(email)
                .doesNotContain(Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(email.getBytes(UTF_8))
                        .substring(0, 16));
    }

    @Test
    void the_same_value_encrypts_differently_each_time() {
        // a random nonce per value: equal values cannot be spotted by comparing stored values
        assertThat(cipher.encrypt(PHONE, PERSON_7_PHONE)).isNotEqualTo(cipher.encrypt(PHONE, PERSON_7_PHONE));
    }

    @Test
    void a_value_copied_to_another_row_cannot_be_decrypted() {
        String stored = cipher.encrypt(PHONE, PERSON_7_PHONE);

        assertThatThrownBy(() -> cipher.decrypt(stored, new FieldBinding("person", "phone", "row-8")))
                .isInstanceOf(FieldCipher.DecryptionFailed.class);
    }

    @Test
    void a_value_copied_to_another_column_cannot_be_decrypted() {
        String stored = cipher.encrypt(PHONE, PERSON_7_PHONE);

        assertThatThrownBy(() -> cipher.decrypt(stored, new FieldBinding("person", "address", "row-7")))
                .isInstanceOf(FieldCipher.DecryptionFailed.class);
    }

    @Test
    void an_altered_value_cannot_be_decrypted_and_the_error_does_not_reveal_it() {
        String stored = cipher.encrypt(PHONE, PERSON_7_PHONE);
        int colon = stored.indexOf(':');
        byte[] ciphertext = Base64.getUrlDecoder().decode(stored.substring(colon + 1));
        ciphertext[ciphertext.length / 2] ^= 1;
        String altered = stored.substring(0, colon + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(ciphertext);

        assertThatThrownBy(() -> cipher.decrypt(altered, PERSON_7_PHONE))
                .isInstanceOf(FieldCipher.DecryptionFailed.class)
                .hasMessageNotContaining(PHONE)
                .hasMessageNotContaining(altered);
    }

    @Test
    void a_value_encrypted_with_another_keyset_cannot_be_decrypted(@TempDir Path dir) {
        Path other = dir.resolve("other.json");
        KeyRing.generate(other);
        String stored = new FieldCipher(KeyRing.load(other, false)).encrypt(PHONE, PERSON_7_PHONE);

        assertThatThrownBy(() -> cipher.decrypt(stored, PERSON_7_PHONE))
                .isInstanceOf(FieldCipher.DecryptionFailed.class);
    }

    @Test
    void a_fresh_value_needs_no_re_encryption() {
        assertThat(cipher.needsReEncryption(cipher.encrypt(PHONE, PERSON_7_PHONE)))
                .isFalse();
    }

    /** D2: after a new key becomes primary, old values still decrypt and are found for re-encryption. */
    @Test
    void after_a_key_rotation_old_values_still_decrypt_and_are_marked_for_re_encryption() throws Exception {
        String old = cipher.encrypt(PHONE, PERSON_7_PHONE);
        KeysetHandle rotated = KeysetHandle.newBuilder(keys.fieldEncryptionKeys())
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId()
                        .makePrimary())
                .build();
        KeyRing rotatedKeys = KeyRing.parse(KeyRing.serialize(rotated, blindIndexOf(keys), auditOf(keys)));
        var rotatedCipher = new FieldCipher(rotatedKeys);

        assertThat(rotatedCipher.decrypt(old, PERSON_7_PHONE)).isEqualTo(PHONE);
        assertThat(rotatedCipher.needsReEncryption(old)).isTrue();
        assertThat(rotatedCipher.needsReEncryption(rotatedCipher.encrypt(PHONE, PERSON_7_PHONE)))
                .isFalse();
    }

    private static KeysetHandle blindIndexOf(KeyRing ring) throws Exception {
        return section(ring, "blindIndex");
    }

    private static KeysetHandle auditOf(KeyRing ring) throws Exception {
        return section(ring, "audit");
    }

    private static KeysetHandle section(KeyRing ring, String name) throws Exception {
        var root = com.google.gson.JsonParser.parseString(ring.serialize()).getAsJsonObject();
        return com.google.crypto.tink.TinkJsonProtoKeysetFormat.parseKeyset(
                root.get(name).toString(), com.google.crypto.tink.InsecureSecretKeyAccess.get());
    }
}
