package org.kinlink.people.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameMatcherTest {

    private static final PersonNames MOHAMMAD_HOSSEINI = PersonNames.of("Mohammad", "Hosseini", "محمد", "حسینی");

    /** Mohammad Hosseini among Hosseinis with other given names and Mohammads with other family names. */
    private static List<Candidate<String>> hosseinis() {
        List<Candidate<String>> pool = new ArrayList<>();
        pool.add(new Candidate<>("hossein-hosseini", PersonNames.of("Hossein", "Hosseini", "حسین", "حسینی")));
        pool.add(new Candidate<>("ali-hosseini", PersonNames.of("Ali", "Hosseini", "علی", "حسینی")));
        pool.add(new Candidate<>("mahmoud-hosseini", PersonNames.of("Mahmoud", "Hosseini", "محمود", "حسینی")));
        pool.add(new Candidate<>("hassan-husseini", PersonNames.latin("Hassan", "Husseini")));
        pool.add(new Candidate<>(
                "mohammadreza-hosseini", PersonNames.of("Mohammadreza", "Hosseini", "محمدرضا", "حسینی")));
        pool.add(new Candidate<>("zahra-hosseini", PersonNames.of("Zahra", "Hosseini", "زهرا", "حسینی")));
        pool.add(new Candidate<>(
                "mohammad-hosseinzadeh", PersonNames.of("Mohammad", "Hosseinzadeh", "محمد", "حسین‌زاده")));
        pool.add(new Candidate<>("mohammad-hassani", PersonNames.of("Mohammad", "Hassani", "محمد", "حسنی")));
        pool.add(new Candidate<>("mohammad-karimi", PersonNames.latin("Mohammad", "Karimi")));
        pool.add(new Candidate<>("mohammad-hosseini", MOHAMMAD_HOSSEINI));
        pool.add(new Candidate<>("mohammad-mohammadi", PersonNames.of("Mohammad", "Mohammadi", "محمد", "محمدی")));
        return pool;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Muhammad Husseini", "محمد حسینی", "محمد حسيني", "Mohammed Hoseyni", "HOSSEINI, Mohamad"})
    void mohammad_hosseini_is_found_first_and_alone_above_the_threshold(String query) {
        List<RankedCandidate<String>> ranked = NameMatcher.rank(NameQuery.parse(query), hosseinis());
        assertThat(ranked).extracting(RankedCandidate::id).containsExactly("mohammad-hosseini");
    }

    @Test
    void the_reasons_say_why_a_name_matched() {
        MatchResult latin = NameMatcher.score(NameQuery.parse("Muhammad Husseini"), MOHAMMAD_HOSSEINI);
        assertThat(latin.score()).isGreaterThan(0.9);
        assertThat(latin.reasons()).contains(MatchReason.EXACT_GIVEN_NAME, MatchReason.PHONETIC_FAMILY_NAME);

        MatchResult persian = NameMatcher.score(NameQuery.parse("محمد حسيني"), MOHAMMAD_HOSSEINI);
        assertThat(persian.score()).isEqualTo(1.0);
        assertThat(persian.reasons())
                .containsExactly(
                        MatchReason.EXACT_GIVEN_NAME, MatchReason.EXACT_FAMILY_NAME, MatchReason.NATIVE_SCRIPT_MATCH);

        PersonNames latinOnly = PersonNames.latin("Mohammad", "Hosseini");
        MatchResult across = NameMatcher.score(NameQuery.parse("محمد حسینی"), latinOnly);
        assertThat(across.score()).isGreaterThan(0.9);
        assertThat(across.reasons()).contains(MatchReason.TRANSLITERATION_MATCH);
    }

    @Test
    void a_common_given_name_alone_does_not_make_a_match() {
        MatchResult result = NameMatcher.score(NameQuery.parse("Mohammad Karimi"), MOHAMMAD_HOSSEINI);
        assertThat(result.score()).isLessThan(NameMatcher.DEFAULT_THRESHOLD);
        assertThat(NameMatcher.score(NameQuery.parse("Hossein Hosseini"), MOHAMMAD_HOSSEINI)
                        .score())
                .isLessThan(NameMatcher.DEFAULT_THRESHOLD);
    }

    @Test
    void abdolreza_and_abdol_reza_are_the_same_name() {
        PersonNames recorded = PersonNames.of("Abdolreza", "Karimi", "عبدالرضا", "کریمی");
        for (String query : List.of(
                "Abdol Reza Karimi",
                "Abdol-Reza Karimi",
                "Abd al-Reza Karimi",
                "Abdulreza Karimi",
                "عبد الرضا کریمی",
                "عبدالرضا كريمي")) {
            MatchResult result = NameMatcher.score(NameQuery.parse(query), recorded);
            assertThat(result.score()).as(query).isGreaterThanOrEqualTo(0.97);
            assertThat(result.reasons()).as(query).contains(MatchReason.EXACT_GIVEN_NAME);
        }
    }

    @Test
    void a_seyed_prefix_is_ignored_on_either_side() {
        double plain = NameMatcher.score(NameQuery.parse("Mohammad Hosseini"), MOHAMMAD_HOSSEINI)
                .score();
        assertThat(NameMatcher.score(NameQuery.parse("Seyed Mohammad Hosseini"), MOHAMMAD_HOSSEINI)
                        .score())
                .isEqualTo(plain);
        assertThat(NameMatcher.score(NameQuery.parse("سید محمد حسینی"), MOHAMMAD_HOSSEINI)
                        .score())
                .isEqualTo(1.0);
        PersonNames withTitle = PersonNames.of("Seyyed Mohammad", "Hosseini", "سید محمد", "حسینی");
        assertThat(NameMatcher.score(NameQuery.parse("Mohammad Hosseini"), withTitle)
                        .score())
                .isEqualTo(plain);
    }

    @Test
    void the_family_name_may_come_first() {
        MatchResult result = NameMatcher.score(NameQuery.parse("Hosseini Mohammad"), MOHAMMAD_HOSSEINI);
        assertThat(result.score()).isGreaterThan(0.95);
        assertThat(result.reasons()).contains(MatchReason.NAME_ORDER_SWAPPED);
    }

    @Test
    void brother_and_sister_names_are_told_apart() {
        PersonNames taher = PersonNames.of("Taher", "Rahimi", "طاهر", "رحیمی");
        PersonNames hamid = PersonNames.of("Hamid", "Rahimi", "حمید", "رحیمی");
        assertThat(NameMatcher.score(NameQuery.parse("Tahereh Rahimi"), taher).score())
                .isLessThan(NameMatcher.DEFAULT_THRESHOLD);
        assertThat(NameMatcher.score(NameQuery.parse("طاهره رحیمی"), taher).score())
                .isLessThan(NameMatcher.DEFAULT_THRESHOLD);
        assertThat(NameMatcher.score(NameQuery.parse("Hamideh Rahimi"), hamid).score())
                .isLessThan(NameMatcher.DEFAULT_THRESHOLD);
    }

    @Test
    void hassan_is_not_hossein_and_mahmoud_is_not_mohammad() {
        PersonNames hossein = PersonNames.of("Hossein", "Ahmadi", "حسین", "احمدی");
        assertThat(NameMatcher.score(NameQuery.parse("Hassan Ahmadi"), hossein).score())
                .isLessThan(NameMatcher.DEFAULT_THRESHOLD);
        assertThat(NameMatcher.score(NameQuery.parse("Mahmoud Hosseini"), MOHAMMAD_HOSSEINI)
                        .score())
                .isLessThan(NameMatcher.DEFAULT_THRESHOLD);
    }

    @Test
    void the_same_fathers_name_raises_the_score_and_a_different_one_lowers_it() {
        PersonNames recorded = MOHAMMAD_HOSSEINI.withFather("Ali", "علی");
        double plain =
                NameMatcher.score(NameQuery.parse("Mohammad Hoseini"), recorded).score();

        MatchResult same = NameMatcher.score(NameQuery.parse("Mohammad Hoseini son of Aly"), recorded);
        assertThat(same.score()).isGreaterThan(plain);
        assertThat(same.reasons()).contains(MatchReason.SAME_FATHERS_NAME);

        MatchResult different = NameMatcher.score(NameQuery.parse("محمد حسینی فرزند رضا"), recorded);
        assertThat(different.score()).isLessThan(plain);
        assertThat(different.reasons()).contains(MatchReason.DIFFERENT_FATHERS_NAME);
    }

    @Test
    void the_year_of_birth_counts_when_both_sides_know_it() {
        PersonNames recorded = MOHAMMAD_HOSSEINI.withBirthYear(1975);
        double plain = NameMatcher.score(NameQuery.parse("Mohammad Hosseini"), recorded)
                .score();

        MatchResult same = NameMatcher.score(NameQuery.parse("محمد حسینی ۱۳۵۴"), recorded);
        assertThat(same.reasons()).contains(MatchReason.SAME_BIRTH_YEAR);

        MatchResult close = NameMatcher.score(NameQuery.parse("Mohammad Hosseini 1976"), recorded);
        assertThat(close.reasons()).contains(MatchReason.CLOSE_BIRTH_YEAR);

        MatchResult far = NameMatcher.score(NameQuery.parse("Mohammad Hosseini 1990"), recorded);
        assertThat(far.score()).isLessThan(plain);
        assertThat(far.reasons()).contains(MatchReason.DIFFERENT_BIRTH_YEAR);
    }

    @Test
    void another_spelling_or_alias_is_searched_too() {
        PersonNames recorded = PersonNames.of("Zahra", "Karimi", "زهرا", "کریمی")
                .withOtherSpellings(List.of("Zahra Ahmadi", "زهرا احمدی"));
        MatchResult result = NameMatcher.score(NameQuery.parse("Zahra Ahmady"), recorded);
        assertThat(result.score()).isGreaterThan(NameMatcher.DEFAULT_THRESHOLD);
        assertThat(result.reasons()).contains(MatchReason.ALIAS_MATCH);
    }

    @Test
    void one_word_finds_the_family_name_or_the_given_name() {
        MatchResult family = NameMatcher.score(NameQuery.parse("Husseini"), MOHAMMAD_HOSSEINI);
        assertThat(family.score()).isGreaterThan(NameMatcher.DEFAULT_THRESHOLD);
        assertThat(family.reasons()).contains(MatchReason.PHONETIC_FAMILY_NAME);
        assertThat(NameMatcher.score(NameQuery.parse("Hossein"), MOHAMMAD_HOSSEINI)
                        .score())
                .isLessThan(NameMatcher.DEFAULT_THRESHOLD);
    }

    @Test
    void a_record_with_one_part_missing_stays_below_the_threshold_for_a_full_name() {
        PersonNames givenOnly = new PersonNames("Zahra", null, null, "زهرا", null, null, List.of(), null);
        MatchResult result = NameMatcher.score(NameQuery.parse("Zahra Karimi"), givenOnly);
        assertThat(result.score()).isGreaterThan(0.5).isLessThan(NameMatcher.DEFAULT_THRESHOLD);
    }

    @Test
    void rank_sorts_best_first_and_keeps_to_the_limit() {
        List<RankedCandidate<String>> ranked = NameMatcher.rank(NameQuery.parse("Hosseini"), hosseinis(), 3, 0.0);
        assertThat(ranked).hasSize(3);
        assertThat(ranked.get(0).score()).isGreaterThanOrEqualTo(ranked.get(1).score());
        assertThat(ranked.get(1).score()).isGreaterThanOrEqualTo(ranked.get(2).score());
    }

    @Test
    void an_empty_query_matches_nothing() {
        assertThat(NameMatcher.score(NameQuery.parse("  - ,"), MOHAMMAD_HOSSEINI))
                .isEqualTo(MatchResult.NONE);
        assertThat(NameMatcher.rank(NameQuery.parse(""), hosseinis())).isEmpty();
    }

    @Test
    void reasons_carry_a_translation_key_and_an_english_description() {
        assertThat(MatchReason.PHONETIC_FAMILY_NAME.messageKey()).isEqualTo("match-reason.phonetic-family-name");
        assertThat(MatchReason.PHONETIC_FAMILY_NAME.description()).isEqualTo("phonetic match on family name");
    }
}
