package org.kinlink.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Follow-up due dates in working days, and overdue detection against a fixed clock. */
class WorkingDaysTest {

    private static final Set<DayOfWeek> WEEKEND = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    private static Clock at(LocalDate day) {
        return Clock.fixed(day.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    @Test
    void working_days_skip_weekends() {
        var days = new WorkingDays(WEEKEND, Set.of(), at(LocalDate.of(2026, 1, 1)));
        // Friday 2026-01-02 + 1 working day = Monday 2026-01-05
        assertThat(days.plusWorkingDays(LocalDate.of(2026, 1, 2), 1)).isEqualTo(LocalDate.of(2026, 1, 5));
        // Monday + 20 working days = four weeks later
        assertThat(days.plusWorkingDays(LocalDate.of(2026, 1, 5), 20)).isEqualTo(LocalDate.of(2026, 2, 2));
        // a start on a Saturday counts from Monday
        assertThat(days.plusWorkingDays(LocalDate.of(2026, 1, 3), 1)).isEqualTo(LocalDate.of(2026, 1, 5));
    }

    @Test
    void working_days_skip_holidays() {
        var holidays = Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28));
        var days = new WorkingDays(WEEKEND, holidays, at(LocalDate.of(2026, 12, 1)));
        // Thursday 24 Dec + 2: 25 (holiday), 26-27 (weekend), 28 (holiday) -> 29, 30
        assertThat(days.plusWorkingDays(LocalDate.of(2026, 12, 24), 2)).isEqualTo(LocalDate.of(2026, 12, 30));
        assertThat(days.isWorkingDay(LocalDate.of(2026, 12, 25))).isFalse();
    }

    @Test
    void another_weekend_can_be_configured() {
        var days = new WorkingDays(Set.of(DayOfWeek.FRIDAY), Set.of(), at(LocalDate.of(2026, 1, 1)));
        // Thursday 2026-01-01 + 1 -> Saturday (Friday is the weekend)
        assertThat(days.plusWorkingDays(LocalDate.of(2026, 1, 1), 1)).isEqualTo(LocalDate.of(2026, 1, 3));
    }

    @Test
    void a_sent_letter_turns_overdue_the_day_after_its_due_date() {
        var letter = new Letter("KL-L-2026-0001", 1, "Author", java.time.Instant.EPOCH);
        letter.status = LetterStatus.SENT;
        letter.dueOn = LocalDate.of(2026, 2, 2);
        assertThat(letter.overdue(new WorkingDays(WEEKEND, Set.of(), at(LocalDate.of(2026, 2, 2))).today()))
                .isFalse();
        assertThat(letter.overdue(new WorkingDays(WEEKEND, Set.of(), at(LocalDate.of(2026, 2, 3))).today()))
                .isTrue();
        letter.status = LetterStatus.ACKNOWLEDGED;
        assertThat(letter.overdue(LocalDate.of(2026, 2, 3))).isTrue();
        letter.status = LetterStatus.ANSWERED;
        assertThat(letter.overdue(LocalDate.of(2026, 2, 3)))
                .as("an answered letter is never overdue")
                .isFalse();
    }
}
