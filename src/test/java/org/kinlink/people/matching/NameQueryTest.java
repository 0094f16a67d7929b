package org.kinlink.people.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameQueryTest {

    @Test
    void a_plain_name_is_the_whole_query() {
        NameQuery query = NameQuery.parse("Muhammad Husseini");
        assertThat(query.name()).isEqualTo("muhammad husseini");
        assertThat(query.fathersName()).isNull();
        assertThat(query.birthYear()).isNull();
    }

    @Test
    void son_of_introduces_the_fathers_name_and_a_four_digit_number_is_the_year_of_birth() {
        NameQuery query = NameQuery.parse("Mohammad Hosseini son of Ali 1975");
        assertThat(query.name()).isEqualTo("mohammad hosseini");
        assertThat(query.fathersName()).isEqualTo("ali");
        assertThat(query.birthYear()).isEqualTo(1975);
    }

    @Test
    void daughter_of_s_o_and_father_work_too() {
        assertThat(NameQuery.parse("Zahra Karimi daughter of Reza").fathersName())
                .isEqualTo("reza");
        assertThat(NameQuery.parse("Ali Rezaei s/o Hassan").fathersName()).isEqualTo("hassan");
        assertThat(NameQuery.parse("Ali Rezaei, father: Hassan, b. 1980").fathersName())
                .isEqualTo("hassan");
        assertThat(NameQuery.parse("Ali Rezaei, father: Hassan, b. 1980").birthYear())
                .isEqualTo(1980);
    }

    @Test
    void persian_father_word_and_solar_hijri_year_in_persian_digits() {
        NameQuery query = NameQuery.parse("محمد حسینی فرزند علی ۱۳۵۴");
        assertThat(query.name()).isEqualTo("محمد حسینی");
        assertThat(query.fathersName()).isEqualTo("علی");
        assertThat(query.birthYear()).isEqualTo(1975); // 1354 SH began in March 1975
    }

    @Test
    void arabic_nasab_takes_only_the_next_name_as_the_fathers() {
        NameQuery query = NameQuery.parse("Mohammad bin Ali Hosseini");
        assertThat(query.name()).isEqualTo("mohammad hosseini");
        assertThat(query.fathersName()).isEqualTo("ali");
        assertThat(NameQuery.parse("Khalil ibn Abdol Reza Haddad").fathersName())
                .isEqualTo("abdol reza");
    }

    @Test
    void a_number_that_cannot_be_a_year_of_birth_is_ignored() {
        assertThat(NameQuery.parse("Ali Rezaei 42").birthYear()).isNull();
        assertThat(NameQuery.parse("Ali Rezaei 42").name()).isEqualTo("ali rezaei");
    }
}
