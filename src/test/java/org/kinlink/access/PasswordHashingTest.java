package org.kinlink.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kinlink.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A2: Argon2id with explicit parameters (m=19 MiB, t=2, p=1); weaker hashes are upgraded. */
@IntegrationTest
class PasswordHashingTest {

    @Autowired
    PasswordEncoder encoder;

    @Test
    void passwords_are_stored_as_argon2id_with_nineteen_mebibytes_two_iterations_and_one_lane() {
        String hash = encoder.encode("lantern harbour river");

        assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hash).doesNotContain("lantern");
        assertThat(encoder.matches("lantern harbour river", hash)).isTrue();
        assertThat(encoder.matches("lantern harbour rivers", hash)).isFalse();
    }

    @Test
    void the_same_password_gets_a_different_salt_each_time() {
        assertThat(encoder.encode("lantern harbour river")).isNotEqualTo(encoder.encode("lantern harbour river"));
    }

    @Test
    void a_hash_made_with_weaker_parameters_is_marked_for_upgrade() {
        String weak = "{argon2}" + new Argon2PasswordEncoder(16, 32, 1, 4096, 1).encode("lantern harbour river");

        assertThat(encoder.matches("lantern harbour river", weak)).isTrue();
        assertThat(encoder.upgradeEncoding(weak)).isTrue();
        assertThat(encoder.upgradeEncoding(encoder.encode("lantern harbour river")))
                .isFalse();
    }
}
