package org.kinlink.people.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One test per normalisation rule: what an Arabic keyboard, a careful typist or a form adds. */
class TextFoldingTest {

    @ParameterizedTest(name = "{0} folds to {1}")
    @CsvSource({
        "حسيني, حسینی", // Arabic yeh
        "مصطفى, مصطفی", // alef maksura
        "كريمي, کریمی", // Arabic kaf
        "فاطمة, فاطمه", // teh marbuta
        "أحمد, احمد", // alef with hamza above
        "إبراهيم, ابراهیم", // alef with hamza below
        "آزاد, ازاد", // alef with madda
        "مؤمن, مومن", // waw with hamza
        "رضائی, رضایی", // yeh with hamza
    })
    void arabic_letter_forms_become_the_persian_ones(String typed, String folded) {
        assertThat(TextFolding.fold(typed)).isEqualTo(folded);
    }

    @Test
    void harakat_shadda_and_tatweel_are_removed() {
        assertThat(TextFolding.fold("مُحَمَّد")).isEqualTo("محمد");
        assertThat(TextFolding.fold("محـــمد")).isEqualTo("محمد");
        assertThat(TextFolding.fold("عَلِیٌّ")).isEqualTo("علی");
    }

    @Test
    void zero_width_non_joiner_and_other_invisible_characters_are_removed() {
        assertThat(TextFolding.fold("حسین\u200Cزاده")).isEqualTo("حسینزاده");
        assertThat(TextFolding.fold("روح\u200Dالله")).isEqualTo("روحالله");
        assertThat(TextFolding.fold("\u200Fعلی\u200E")).isEqualTo("علی");
        assertThat(TextFolding.fold("Ho\u200Bssei\uFEFFni")).isEqualTo("hosseini");
    }

    @Test
    void hyphens_dots_and_commas_separate_words_and_spaces_collapse() {
        assertThat(TextFolding.tokens("Abdol-Reza")).containsExactly("abdol", "reza");
        assertThat(TextFolding.tokens("HOSSEINI,  Mohammad")).containsExactly("hosseini", "mohammad");
        assertThat(TextFolding.tokens("Abd al\u2010Reza")).containsExactly("abd", "al", "reza");
        assertThat(TextFolding.tokens("محمد،  علی")).containsExactly("محمد", "علی");
    }

    @Test
    void apostrophes_and_ain_signs_stay_inside_latin_words_only() {
        assertThat(TextFolding.tokens("Ja'far")).containsExactly("ja'far");
        assertThat(TextFolding.tokens("Jaʿfar")).containsExactly("ja'far");
        assertThat(TextFolding.tokens("Ja’far")).containsExactly("ja'far");
        assertThat(TextFolding.tokens("'Ali'")).containsExactly("ali");
        assertThat(TextFolding.withoutApostrophes("ja'far")).isEqualTo("jafar");
    }

    @Test
    void latin_text_becomes_lower_case_ascii_without_diacritics() {
        assertThat(TextFolding.fold("MOHAMMAD")).isEqualTo("mohammad");
        assertThat(TextFolding.fold("Ḥusaynī")).isEqualTo("husayni");
        assertThat(TextFolding.fold("Farhâd Rebîn Çelik Müller")).isEqualTo("farhad rebin celik muller");
    }

    @Test
    void persian_and_arabic_digits_become_ascii_digits() {
        assertThat(TextFolding.fold("۱۳۵۴")).isEqualTo("1354");
        assertThat(TextFolding.fold("١٩٧٥")).isEqualTo("1975");
    }

    @Test
    void arabic_presentation_forms_become_letters() {
        assertThat(TextFolding.fold("ﻣﺤﻤﺪ")).isEqualTo("محمد");
    }

    @Test
    void latin_and_native_script_written_together_are_separate_words() {
        assertThat(TextFolding.tokens("Aliعلی")).containsExactly("ali", "علی");
        assertThat(TextFolding.tokens("Ali1975")).containsExactly("ali", "1975");
    }

    @Test
    void honorifics_are_dropped_unless_nothing_else_is_left() {
        for (String title : new String[] {
            "Seyed", "Sayyid", "Seyyed", "Sayed", "Syed", "Haj", "Hajj", "Haji", "Mirza", "Agha", "Mir", "Sadat", "سید",
            "سيد", "حاج", "میرزا", "آقا"
        }) {
            assertThat(NameForm.tokens(title + " Mohammad")).as(title).containsExactly("mohammad");
        }
        assertThat(NameForm.tokens("Zahra Sadat")).containsExactly("zahra");
        assertThat(NameForm.tokens("Mirza")).containsExactly("mirza");
        assertThat(NameForm.tokens("SEYEDMOHAMMAD")).containsExactly("mohammad");
        assertThat(NameForm.tokens("Seyedi")).containsExactly("seyedi");
        assertThat(NameForm.tokens("Mirzaei")).containsExactly("mirzaei");
    }
}
