package org.kinlink.people.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Compounds written joined, split or hyphenated, with or without the Arabic article, are one name. */
class CompoundNamesTest {

    @Test
    void abdolreza_is_one_name_however_it_is_written() {
        assertAllOneForm(
                "Abdolreza",
                "Abdol Reza",
                "Abdol-Reza",
                "ABDOLREZA",
                "Abd al-Reza",
                "Abd ol Reza",
                "Abdulreza",
                "Abdul Reza",
                "Abdalreza",
                "Abdelreza",
                "Abdorreza");
        NameForm latin = form("Abdol Reza");
        assertThat(latin.latin()).isEqualTo("abdolreza");
        assertThat(latin.key())
                .isEqualTo(form("عبدالرضا").key())
                .isEqualTo(form("عبد الرضا").key());
    }

    @Test
    void the_common_first_parts_of_compounds_are_levelled() {
        assertAllOneForm("Mohammadreza", "Mohammad Reza", "Muhammad Reza", "Mohamadreza", "Mohammed-Reza");
        assertAllOneForm("Gholamreza", "Gholam Reza", "Ghulamreza", "Qolamreza");
        assertAllOneForm("Abolfazl", "Abol Fazl", "Abulfazl", "Abu al-Fazl", "Aboulfazl");
        assertAllOneForm("Nasreddin", "Nasr al-Din", "Nasr ed-Din", "Nasroddin", "Nasruddin");
        assertAllOneForm("Nasrollah", "Nasrullah", "Nasr Allah", "Nasrolah");
        assertAllOneForm("Hosseinzadeh", "Hossein Zadeh", "Hossein-Zadeh");
    }

    @Test
    void mohammad_joined_to_a_name_starting_with_h_is_not_read_as_dh() {
        assertThat(form("Mohammadhossein").skeleton())
                .isEqualTo(form("Mohammad Hossein").skeleton());
        assertThat(form("Mohammadhossein").key()).isEqualTo(form("محمدحسین").key());
    }

    @Test
    void a_family_name_is_also_known_without_its_arabic_article() {
        List<NameForm> forms = NameForm.familyForms(NameForm.tokens("Al-Jubouri"), false);
        assertThat(forms).extracting(NameForm::key).contains(form("Jubouri").key());
        List<NameForm> nativeForms = NameForm.familyForms(NameForm.tokens("الجبوری"), false);
        assertThat(nativeForms).extracting(NameForm::nativeText).contains("جبوری");
        // but a name that merely starts with ال keeps its letters
        assertThat(NameForm.familyForms(NameForm.tokens("الهام"), false)).hasSize(1);
    }

    private static void assertAllOneForm(String... spellings) {
        NameForm first = form(spellings[0]);
        for (String spelling : spellings) {
            NameForm other = form(spelling);
            assertThat(other.latin()).as(spelling).isEqualTo(first.latin());
            assertThat(other.skeleton()).as(spelling).isEqualTo(first.skeleton());
        }
    }

    private static NameForm form(String name) {
        NameForm form = NameForm.of(NameForm.tokens(name), false);
        assertThat(form).as(name).isNotNull();
        return form;
    }
}
