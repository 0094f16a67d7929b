package org.kinlink.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Joined letter forms for Persian, as a reader expects them on paper. */
class PersianShaperTest {

    @Test
    void persian_letters_take_their_joined_forms() {
        // پیوند: peh initial, farsi yeh medial, waw final, noon initial, dal final
        assertThat(PersianShaper.shape("پیوند")).isEqualTo("\uFB58\uFBFF\uFEEE\uFEE7\uFEAA");
    }

    @Test
    void lam_and_alef_become_one_ligature() {
        assertThat(PersianShaper.shape("لا")).isEqualTo("\uFEFB");
        // سلام: seen initial, lam-alef final ligature, meem isolated
        assertThat(PersianShaper.shape("سلام")).isEqualTo("\uFEB3\uFEFC\uFEE1");
    }

    @Test
    void lam_before_other_letters_keeps_its_own_joined_form() {
        // کلمورین: kaf initial, lam medial, meem medial, waw final, reh isolated, yeh initial, noon final
        // (found with the subject access export: lam-meem became a final-form ligature and broke the word)
        assertThat(PersianShaper.shape("کلمورین")).isEqualTo("\uFB90\uFEE0\uFEE4\uFEEE\uFEAD\uFBFE\uFEE6");
    }

    @Test
    void a_zero_width_non_joiner_keeps_the_parts_apart() {
        // جست‌وجو: teh final before the non-joiner, waw isolated after it
        String shaped = PersianShaper.shape("جست\u200Cوجو");
        assertThat(shaped).isEqualTo("\uFE9F\uFEB4\uFE96\u200C\uFEED\uFE9F\uFEEE");
    }

    @Test
    void latin_text_and_digits_are_left_alone() {
        assertThat(PersianShaper.shape("KL-2026 ۱۴۰۵")).isEqualTo("KL-2026 ۱۴۰۵");
    }
}
