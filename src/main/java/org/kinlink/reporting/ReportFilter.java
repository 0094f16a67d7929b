package org.kinlink.reporting;

import java.time.YearMonth;
import org.jspecify.annotations.Nullable;
import org.kinlink.InvalidInput;

/**
 * The period (whole months, UTC, both included) and optionally one team. {@link #check} refuses a
 * missing month, an end before the start, a period longer than {@link #MAX_MONTHS} months or one
 * that starts after {@code latest} (the current month), naming the field.
 */
public record ReportFilter(
        @Nullable YearMonth from,
        @Nullable YearMonth to,
        @Nullable Long teamId) {

    public static final int MAX_MONTHS = 120;

    /** The filter, checked; the months are then present. */
    public ReportFilter check(YearMonth latest) {
        if (from == null) {
            throw new InvalidInput("from", "reports.month-required");
        }
        if (to == null) {
            throw new InvalidInput("to", "reports.month-required");
        }
        if (from.isAfter(latest)) {
            throw new InvalidInput("from", "reports.from-in-future");
        }
        if (to.isBefore(from)) {
            throw new InvalidInput("to", "reports.to-before-from");
        }
        if (from.plusMonths(MAX_MONTHS).isBefore(to.plusMonths(1))) {
            throw new InvalidInput("to", "reports.period-too-long", MAX_MONTHS);
        }
        if (teamId != null && teamId < 1) {
            throw new InvalidInput("team", "reports.team-unknown");
        }
        return this;
    }

    /** For the audit trail: no personal values. */
    String describe() {
        return "period " + from + ".." + to + ", team " + (teamId == null ? "all" : teamId);
    }
}
