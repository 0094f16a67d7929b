package org.kinlink.people.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Persian script read into Latin, and the skeletons where Latin and Persian spellings meet. */
class TransliterationTest {

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource(
            quoteCharacter = '"',
            value = {
                "محمد, mhmd", // short vowels are not written, and not invented
                "حسینی, hsini", // ی between consonants is the long vowel i
                "موسوی, musvi", // و before a consonant is u, before ی the consonant v
                "داوود, davud", // و after alef is v
                "یوسف, yusf", // ی at the start is y
                "کیان, kyan", // ی before alef is y
                "فاطمه, fatmeh", // a final ه is the silent -eh
                "مصطفی, mstfa", // alef maksura written ی: Mostafa
                "یحیی, yhia",
                "ابوالفضل, aboalfzl", // Abol-, not Abv-
                "شاه, shah",
                "اسحاق, as'haq", // s and h stay apart: not sh
                "زهرا, z'hra", // z and h stay apart: not zh (ژ)
                "خدیجه, khdijeh",
                "ژیلا, zhila",
                "غلامرضا, qlamrza",
                "عباس, 'bas", // ain as an apostrophe
                "کاوە, kave", // Kurdish ە is the vowel e
            })
    void persian_script_reads_as_latin_consonants_and_long_vowels(String persian, String latin) {
        assertThat(PersianLatin.toLatin(TextFolding.fold(persian))).isEqualTo(latin);
    }

    @ParameterizedTest(name = "{0} and {1} share a skeleton")
    @CsvSource({
        "Mohammad, محمد",
        "Muhammad, محمد",
        "Hosseini, حسینی",
        "Hoseyni, حسيني",
        "Mousavi, موسوی",
        "Rezaei, رضایی",
        "Rezaee, رضائی",
        "Rezayi, رضایی",
        "Heydari, حیدری",
        "Haidari, حیدری",
        "Zeinab, زینب",
        "Zaynab, زينب",
        "Yousef, یوسف",
        "Mostafa, مصطفی",
        "Fatemeh, فاطمه",
        "Fateme, فاطمة",
        "Abolfazl, ابوالفضل",
        "Abdolreza, عبدالرضا",
        "Gholamreza, غلامرضا",
        "Qolamreza, غلامرضا",
        "Hosseinzadeh, حسین‌زاده",
        "Esmaeil, اسماعیل",
        "Zahra, زهرا",
        "Reza, رضا",
        "Musa, موسی",
    })
    void latin_and_persian_spellings_of_a_name_share_a_skeleton(String latin, String persian) {
        NameForm latinForm = NameForm.of(NameForm.tokens(latin), false);
        NameForm nativeForm = NameForm.of(NameForm.tokens(persian), false);
        assertThat(latinForm).isNotNull();
        assertThat(nativeForm).isNotNull();
        assertThat(Similarity.skeletons(latinForm.skeleton(), nativeForm.skeleton()))
                .as(latinForm.skeleton() + " / " + nativeForm.skeleton())
                .isEqualTo(1.0);
        assertThat(latinForm.key()).isEqualTo(nativeForm.key());
    }

    @ParameterizedTest(name = "{0} and {1} are told apart")
    @CsvSource({
        "حسین, حسن", // Hossein, Hassan
        "محمد, محمود", // Mohammad, Mahmoud
        "طاهر, طاهره", // Taher, Tahereh: brother and sister
        "حمید, حمیده", // Hamid, Hamideh
        "زهرا, زهره", // Zahra, Zohreh
        "حسینی, حسین", // the family name Hosseini, the given name Hossein
    })
    void different_names_in_persian_script_have_different_skeletons(String one, String other) {
        NameForm a = NameForm.of(NameForm.tokens(one), false);
        NameForm b = NameForm.of(NameForm.tokens(other), false);
        assertThat(a).isNotNull();
        assertThat(b).isNotNull();
        assertThat(Similarity.skeletons(a.skeleton(), b.skeleton())).isLessThanOrEqualTo(0.8);
    }
}
