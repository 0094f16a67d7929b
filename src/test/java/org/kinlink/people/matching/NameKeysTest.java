package org.kinlink.people.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NameKeysTest {

    private static final PersonNames MOHAMMAD_HOSSEINI = PersonNames.of("Mohammad", "Hosseini", "محمد", "حسینی");

    @Test
    void a_person_is_indexed_under_skeletons_and_phonetic_codes_of_each_name_part() {
        Set<MatchKey> keys = NameKeys.keysFor(MOHAMMAD_HOSSEINI);
        assertThat(keys)
                .contains(
                        new MatchKey(MatchKey.GIVEN_SKELETON, "mhmd"),
                        new MatchKey(MatchKey.FAMILY_SKELETON, "hsni"),
                        new MatchKey(MatchKey.FULL_SKELETON, "mhmd hsni"),
                        new MatchKey(MatchKey.GIVEN_PHONETIC, "MHMT"),
                        new MatchKey(MatchKey.FAMILY_PHONETIC, "HSN"));
    }

    @Test
    void searches_in_either_script_share_keys_with_the_person() {
        Set<MatchKey> indexed = NameKeys.keysFor(MOHAMMAD_HOSSEINI);
        for (String query : List.of(
                "Muhammad Husseini",
                "محمد حسینی",
                "محمد حسيني",
                "Hosseini",
                "HOSSEINI, Mohammed",
                "Seyed Mohammad Hoseyni")) {
            assertThat(shared(indexed, NameKeys.keysForQuery(query))).as(query).isNotEmpty();
        }
    }

    @Test
    void a_person_recorded_only_in_persian_script_is_found_by_a_latin_search() {
        PersonNames persianOnly = new PersonNames(null, null, null, "عبدالرضا", "حسین‌زاده", null, List.of(), null);
        Set<MatchKey> shared = shared(NameKeys.keysFor(persianOnly), NameKeys.keysForQuery("Abdol Reza Hosseinzade"));
        assertThat(shared).anyMatch(key -> key.kind().equals(MatchKey.FULL_SKELETON));
    }

    @Test
    void other_spellings_are_indexed_too() {
        PersonNames names = PersonNames.latin("Zahra", "Karimi").withOtherSpellings(List.of("Zahra Ahmadi"));
        assertThat(NameKeys.keysFor(names))
                .contains(
                        new MatchKey(MatchKey.FULL_SKELETON, "dhr krmi"),
                        new MatchKey(MatchKey.FULL_SKELETON, "dhr hmdi"));
    }

    @Test
    void a_full_name_search_does_not_look_up_the_given_name_alone() {
        // every Mohammad in the records would become a candidate
        assertThat(NameKeys.keysForQuery("Mohammad Hosseini"))
                .noneMatch(key ->
                        key.kind().equals(MatchKey.GIVEN_SKELETON) || key.kind().equals(MatchKey.GIVEN_PHONETIC));
        assertThat(NameKeys.keysForQuery("Mohammad")).anyMatch(key -> key.kind().equals(MatchKey.GIVEN_SKELETON));
    }

    @Test
    void key_values_are_plain_ascii_without_spaces_at_the_ends() {
        PersonNames names = new PersonNames(
                "Iradj", "Al-Jubouri", "Ja'far", "ایرج", "الجبوری", "جعفر", List.of("Shams al-Din Khoury"), 1960);
        for (MatchKey key : NameKeys.keysFor(names)) {
            assertThat(key.value())
                    .matches("[a-zA-Z0-9 ]+")
                    .doesNotStartWith(" ")
                    .doesNotEndWith(" ");
            assertThat(key.value().length()).isLessThanOrEqualTo(MatchKey.MAX_VALUE_LENGTH);
            assertThat(key.value().equals(key.value().toLowerCase())
                            || key.value().equals(key.value().toUpperCase()))
                    .as("one case per key, so a case-insensitive collation merges nothing: " + key)
                    .isTrue();
        }
    }

    private static Set<MatchKey> shared(Set<MatchKey> a, Set<MatchKey> b) {
        Set<MatchKey> shared = new HashSet<>(a);
        shared.retainAll(b);
        return shared;
    }
}
