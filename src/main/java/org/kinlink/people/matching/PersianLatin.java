package org.kinlink.people.matching;

import com.ibm.icu.text.Transliterator;

/**
 * Persian (and Arabic) script to Latin, tuned for names. ICU's {@code Any-Latin} follows the
 * Arabic letters one by one and guesses badly for Persian; these rules follow how Persian names
 * are read instead: و and ی are consonants (v, y) at the start of a name, before a vowel letter
 * or after alef, and long vowels (u, i) elsewhere; a final ه is the silent "-eh"; the handful of
 * names that end in an alef maksura written ی (مصطفی, موسی...) end in "a". Short vowels are not
 * written in Persian and are not invented here: the result is a consonant skeleton with the long
 * vowels ("mhmd hsini"), which is what {@link Skeleton} compares. An apostrophe keeps s+h, k+h ...
 * from reading as sh, kh.
 *
 * <p>Input is one token already folded by {@link TextFolding} (Persian letter forms, no marks).
 */
final class PersianLatin {

    private static final String RULES = """
            # Pass 1: the handful of names that end in an alef maksura written ی (Mostafa, Morteza,
            # Mojtaba, Musa, Isa, Yahya, Kobra, Soghra, Kasra, Hoda), before the ی and و around it
            # are read.
            ::Null;
            مصطف { ی } $ > a ;
            مرتض { ی } $ > a ;
            مجتب { ی } $ > a ;
            ^ موس { ی } $ > a ;
            ^ عیس { ی } $ > a ;
            ^ یحی { ی } $ > a ;
            ^ کبر { ی } $ > a ;
            ^ صغر { ی } $ > a ;
            ^ کسر { ی } $ > a ;
            ^ هد { ی } $ > a ;

            # Pass 2: the letters whose reading depends on their neighbours, while the neighbours
            # are still in Arabic script.
            ::Null;
            # ابو at the start of a compound (ابوالفضل, ابوالقاسم) is read Abol- in Persian, not Abv-
            ^ اب { و } ال > o ;
            ا { و > v ;
            و } [اوی] > v ;
            ^ { و > v ;
            و > u ;
            ی } [او] > y ;
            ی } ه $ > y ;
            ^ { ی > y ;
            ی > i ;

            # Pass 3: one sound per letter.
            ::Null;
            الله } $ > allah ;
            [aiu] { ه } $ > h ;
            ه } $ > eh ;
            [ثسص] } [حه] > s \\' ;
            [تط] } [حه] > t \\' ;
            [ذزضظ] } [حه] > z \\' ;
            د } [حه] > d \\' ;
            ک } [حه] > k \\' ;
            گ } [حه] > g \\' ;
            پ } [حه] > p \\' ;
            ا > a ;
            ب > b ;
            پ > p ;
            [تط] > t ;
            [ثسص] > s ;
            ج > j ;
            چ > ch ;
            [حه] > h ;
            خ > kh ;
            د > d ;
            [ذزضظ] > z ;
            ر > r ;
            ژ > zh ;
            ش > sh ;
            ع > \\' ;
            [غق] > q ;
            ف > f ;
            ک > k ;
            گ > g ;
            ل > l ;
            م > m ;
            ن > n ;
            # Kurdish (Sorani) letters: the vowels e, ê, o and the heavy r and l
            [ەێ] > e ;
            ۆ > o ;
            ڕ > r ;
            ڵ > l ;
            ڤ > v ;
            # Urdu and Pashto letters that turn up in names from the region
            ٹ > t ;
            ڈ > d ;
            ڑ > r ;
            """;

    /** ICU synchronises inside a rule-based transliterator, so one shared instance is safe. */
    private static final Transliterator PERSIAN_LATIN =
            Transliterator.createFromRules("Kinlink-PersianName-Latin", RULES, Transliterator.FORWARD);

    private PersianLatin() {}

    /** The Latin reading of one folded Persian/Arabic token, lower case, possibly with apostrophes. */
    static String toLatin(String nativeToken) {
        return PERSIAN_LATIN.transliterate(nativeToken);
    }
}
