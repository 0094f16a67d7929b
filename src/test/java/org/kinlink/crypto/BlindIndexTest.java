package org.kinlink.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** D3: encrypted values are found by a keyed hash of the normalised value, never by the value. */
class BlindIndexTest {

    private static final String PHONE = "person.phone";

    private static BlindIndex index;

    @BeforeAll
    static void keys(@TempDir Path dir) {
        Path file = dir.resolve("keyset.json");
        KeyRing.generate(file);
        index = new BlindIndex(KeyRing.load(file, false));
    }

    @Test
    void the_same_value_always_gives_the_same_index() {
        assertThat(index.of(PHONE, "0912 555 0142")).isEqualTo(index.of(PHONE, "0912 555 0142"));
    }

    @Test
    void different_values_give_different_indexes() {
        assertThat(index.of(PHONE, "0912 555 0142")).isNotEqualTo(index.of(PHONE, "0912 555 0143"));
    }

    @Test
    void case_and_surrounding_or_repeated_space_do_not_matter() {
        assertThat(index.of("person.email", "  Maryam.Rezaei@Example.ORG "))
                .isEqualTo(index.of("person.email", "maryam.rezaei@example.org"));
        assertThat(index.of("person.name", "Maryam   Rezaei")).isEqualTo(index.of("person.name", "maryam rezaei"));
    }

    @Test
    void unicode_variants_of_the_same_text_give_the_same_index() {
        // composed and decomposed accents, full-width digits, Arabic presentation forms (NFKC)
        assertThat(index.of("person.name", "Jos\u00e9")).isEqualTo(index.of("person.name", "Jose\u0301"));
        assertThat(index.of(PHONE, "\uff10\uff19\uff11\uff12")).isEqualTo(index.of(PHONE, "0912"));
        assertThat(index.of("person.name", "\ufee3\ufeae\ufef3\ufee2"))
                .isEqualTo(index.of("person.name", "\u0645\u0631\u064a\u0645"));
    }

    @Test
    void the_same_value_gives_a_different_index_for_each_purpose() {
        assertThat(index.of("person.phone", "0912 555 0142"))
                .isNotEqualTo(index.of("person.document", "0912 555 0142"));
    }

    @Test
    void the_index_does_not_contain_the_value() {
        // hex of Tink's key-id prefix and a 256-bit tag
        assertThat(index.of(PHONE, "09125550142")).matches("[0-9a-f]{74}").doesNotContain("09125550142");
    }

    @Test
    void another_keyset_gives_other_indexes(@TempDir Path dir) {
        Path other = dir.resolve("other.json");
        KeyRing.generate(other);

        assertThat(new BlindIndex(KeyRing.load(other, false)).of(PHONE, "0912 555 0142"))
                .isNotEqualTo(index.of(PHONE, "0912 555 0142"));
    }
}
