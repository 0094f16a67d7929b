package org.kinlink.letters;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;

/**
 * Working-day arithmetic for follow-up due dates: weekend days and holidays do not count. "Today"
 * comes from the injected clock, so overdue detection can be tested at any date.
 */
public class WorkingDays {

    private final Set<DayOfWeek> weekend;
    private final Set<LocalDate> holidays;
    private final Clock clock;

    public WorkingDays(Set<DayOfWeek> weekend, Set<LocalDate> holidays, Clock clock) {
        if (weekend.size() >= 7) {
            throw new IllegalArgumentException("at least one day of the week must be a working day");
        }
        this.weekend = Set.copyOf(weekend);
        this.holidays = Set.copyOf(holidays);
        this.clock = clock;
    }

    public boolean isWorkingDay(LocalDate date) {
        return !weekend.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** The day {@code days} working days after {@code from} (a start on a weekend or holiday counts from the next working day). */
    public LocalDate plusWorkingDays(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        LocalDate date = from;
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The last day of the current week (the day before the week starts again on Monday). */
    public LocalDate endOfThisWeek() {
        return today().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    }
}
