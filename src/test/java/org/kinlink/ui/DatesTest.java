package org.kinlink.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Issue 7: Persian users see Solar Hijri dates beside the Gregorian ones; others the Gregorian date. */
class DatesTest {

    private static final Locale PERSIAN = Locale.forLanguageTag("fa");

    @Test
    void nowruz_1405_is_21_march_2026() {
        assertThat(Dates.solarHijri(LocalDate.of(2026, 3, 21))).isEqualTo("۱ فروردین ۱۴۰۵");
        assertThat(Dates.solarHijri(LocalDate.of(2026, 3, 20))).isEqualTo("۲۹ اسفند ۱۴۰۴");
    }

    @Test
    void persian_shows_solar_hijri_first_then_gregorian_in_parentheses() {
        String shown = Dates.date(LocalDate.of(2026, 3, 21), PERSIAN);

        assertThat(shown).startsWith("۱ فروردین ۱۴۰۵ (").endsWith(")").contains("۲۰۲۶");
    }

    @Test
    void english_and_albanian_show_only_the_gregorian_date() {
        assertThat(Dates.date(LocalDate.of(2026, 3, 21), Locale.ENGLISH)).isEqualTo("Mar 21, 2026");
        assertThat(Dates.date(LocalDate.of(2026, 3, 21), Languages.ALBANIAN))
                .contains("2026")
                .contains("21")
                .doesNotContain("۱۴۰۵");
    }

    @Test
    void date_times_and_time_stamps_carry_both_calendars_for_persian() {
        Instant instant = Instant.parse("2026-03-21T10:15:30Z");

        assertThat(Dates.dateTime(instant, ZoneOffset.UTC, PERSIAN))
                .contains("فروردین ۱۴۰۵")
                .contains("۱۰:۱۵");
        assertThat(Dates.timestamp(instant, ZoneOffset.UTC, PERSIAN))
                .isEqualTo("۱۴۰۵/۰۱/۰۱ ۱۰:۱۵:۳۰ (2026-03-21 10:15:30)");
        assertThat(Dates.timestamp(instant, ZoneOffset.UTC, Locale.ENGLISH)).isEqualTo("2026-03-21 10:15:30");
    }
}
