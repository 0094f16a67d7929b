package org.kinlink.audit;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When activity counts as unusual ({@code kinlink.alerts.*} in application.yml). An alert is raised
 * when a count is greater than its threshold.
 *
 * @param distinctCases more distinct cases opened than this within {@code casesWindow}
 * @param workingHoursStart first hour of the working day (0-23), in {@code zone}
 * @param workingHoursEnd hour the working day ends (1-24), in {@code zone}; a start after the end
 *     means a working day across midnight
 * @param denials more denied accesses than this within {@code denialsWindow}
 * @param exportsPerDay more exports than this in one day (in {@code zone})
 */
public record AlertThresholds(
        int distinctCases,
        Duration casesWindow,
        int workingHoursStart,
        int workingHoursEnd,
        ZoneId zone,
        int denials,
        Duration denialsWindow,
        int exportsPerDay) {

    public AlertThresholds {
        if (workingHoursStart < 0 || workingHoursStart > 23 || workingHoursEnd < 1 || workingHoursEnd > 24) {
            throw new IllegalArgumentException("Working hours are 0-23 (start) and 1-24 (end)");
        }
    }

    boolean withinWorkingHours(int hour) {
        return workingHoursStart <= workingHoursEnd
                ? hour >= workingHoursStart && hour < workingHoursEnd
                : hour >= workingHoursStart || hour < workingHoursEnd;
    }

    @Component
    static class Configured {

        final AlertThresholds thresholds;

        Configured(
                @Value("${kinlink.alerts.distinct-cases:20}") int distinctCases,
                @Value("${kinlink.alerts.cases-window:60m}") Duration casesWindow,
                @Value("${kinlink.alerts.working-hours.start:7}") int start,
                @Value("${kinlink.alerts.working-hours.end:19}") int end,
                @Value("${kinlink.alerts.working-hours.zone:UTC}") ZoneId zone,
                @Value("${kinlink.alerts.denials:5}") int denials,
                @Value("${kinlink.alerts.denials-window:15m}") Duration denialsWindow,
                @Value("${kinlink.alerts.exports-per-day:10}") int exportsPerDay) {
            this.thresholds = new AlertThresholds(
                    distinctCases, casesWindow, start, end, zone, denials, denialsWindow, exportsPerDay);
        }
    }
}
