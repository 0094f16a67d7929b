package org.kinlink.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kinlink.AuditEvents;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.kinlink.access.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * L4: unusual access flagged for auditors, from events crafted with explicit actors. Events are
 * recorded at the application clock's "now"; windows and thresholds are chosen around it.
 */
@IntegrationTest
@WithMockUser(username = "auditor-on-duty", roles = Roles.AUDITOR)
class AuditAlertsTest {

    @Autowired
    AuditAlerts alerts;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbcClient;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Test
    void L4_a_user_opening_more_distinct_cases_than_the_threshold_in_a_short_time_is_flagged() {
        String busy = TestAccounts.uniqueName("busy");
        String normal = TestAccounts.uniqueName("normal");
        int threshold = alerts.thresholds().distinctCases();
        for (int i = 0; i <= threshold; i++) {
            trail.record(
                    AuditEntry.success("CASE_VIEWED", "CASE", "KL-2097-" + i).by(11L, busy));
        }
        trail.record(AuditEntry.success("CASE_VIEWED", "CASE", "KL-2097-0").by(11L, busy)); // not distinct
        for (int i = 0; i < threshold; i++) {
            trail.record(
                    AuditEntry.success("CASE_VIEWED", "CASE", "KL-2097-" + i).by(12L, normal));
        }

        var found = around(alerts.alerts(now().minusSeconds(60), now().plusSeconds(60)), busy, normal);

        assertThat(found).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AuditAlert.Kind.MANY_CASES);
            assertThat(alert.actorName()).isEqualTo(busy);
            assertThat(alert.count()).isEqualTo(threshold + 1);
        });
    }

    @Test
    void L4_repeated_denied_access_is_flagged_and_looking_at_alerts_is_recorded() {
        String prober = TestAccounts.uniqueName("prober");
        String clumsy = TestAccounts.uniqueName("clumsy");
        int threshold = alerts.thresholds().denials();
        for (int i = 0; i <= threshold; i++) {
            trail.record(
                    AuditEntry.denied("ACCESS_DENIED", "CASE", "KL-2097-" + i).by(13L, prober));
        }
        for (int i = 0; i < threshold; i++) {
            trail.record(
                    AuditEntry.denied("ACCESS_DENIED", "CASE", "KL-2097-" + i).by(14L, clumsy));
        }
        long before = AuditEvents.newest(jdbc);

        var found = around(alerts.alerts(now().minusSeconds(60), now().plusSeconds(60)), prober, clumsy);

        assertThat(found)
                .singleElement()
                .extracting(AuditAlert::kind, AuditAlert::actorName, AuditAlert::count)
                .containsExactly(AuditAlert.Kind.REPEATED_DENIALS, prober, (long) threshold + 1);
        assertThat(AuditEvents.since(jdbc, before, "AUDIT_ALERTS_VIEWED"))
                .singleElement()
                .satisfies(event -> assertThat(event).containsEntry("actor_name", "auditor-on-duty"));
    }

    @Test
    void L4_more_exports_in_a_day_than_the_threshold_are_flagged() {
        String exporter = TestAccounts.uniqueName("exporter");
        int threshold = alerts.thresholds().exportsPerDay();
        for (int i = 0; i <= threshold; i++) {
            trail.record(AuditEntry.success("TEST_EXPORTED", "TEST", i).by(15L, exporter));
        }
        trail.record(AuditEntry.success("TEST_EXPORTS_LISTED", "TEST", null).by(15L, exporter)); // not an export

        var found = around(alerts.alerts(now().minusSeconds(60), now().plusSeconds(60)), exporter);

        assertThat(found)
                .singleElement()
                .extracting(AuditAlert::kind, AuditAlert::count)
                .containsExactly(AuditAlert.Kind.BULK_EXPORTS, (long) threshold + 1);
    }

    @Test
    void L4_a_reveal_outside_the_configured_working_hours_is_flagged_and_one_inside_is_not() {
        String night = TestAccounts.uniqueName("night");
        trail.record(AuditEntry.success("REVEAL_TEST_LOCATION", "PERSON", 1).by(16L, night));
        int hour = now().atZone(ZoneOffset.UTC).getHour();
        var base = alerts.thresholds();
        var closed = withHours(base, (hour + 1) % 24, (hour + 2) % 24 == 0 ? 24 : (hour + 2) % 24);
        var open = withHours(base, hour, hour + 1);

        var flagged = around(
                new AuditAlerts(jdbcClient, trail, closed).alerts(now().minusSeconds(60), now().plusSeconds(60)),
                night);
        var quiet = around(
                new AuditAlerts(jdbcClient, trail, open).alerts(now().minusSeconds(60), now().plusSeconds(60)), night);

        assertThat(flagged)
                .singleElement()
                .extracting(AuditAlert::kind, AuditAlert::count)
                .containsExactly(AuditAlert.Kind.REVEAL_OUTSIDE_HOURS, 1L);
        assertThat(quiet).isEmpty();
    }

    @Test
    void L4_cases_opened_further_apart_than_the_window_are_not_a_burst() {
        Instant start = Instant.parse("2026-01-05T08:00:00Z");
        var spread = new java.util.ArrayList<AuditAlerts.Hit>();
        for (int i = 0; i < 30; i++) {
            spread.add(new AuditAlerts.Hit(1L, "u", start.plus(Duration.ofMinutes(10L * i)), "KL-" + i, i));
        }

        assertThat(AuditAlerts.bursts(spread, Duration.ofMinutes(60), 7, AuditAlert.Kind.MANY_CASES))
                .isEmpty();
        assertThat(AuditAlerts.bursts(spread, Duration.ofMinutes(60), 6, AuditAlert.Kind.MANY_CASES))
                .singleElement()
                .satisfies(alert -> {
                    assertThat(alert.count()).isEqualTo(7); // t, t+10 ... t+60 minutes
                    assertThat(Duration.between(alert.windowStart(), alert.windowEnd()))
                            .isEqualTo(Duration.ofMinutes(60));
                });
    }

    private Instant now() {
        return clock.instant();
    }

    private static AlertThresholds withHours(AlertThresholds t, int start, int end) {
        return new AlertThresholds(
                t.distinctCases(),
                t.casesWindow(),
                start,
                end,
                ZoneOffset.UTC,
                t.denials(),
                t.denialsWindow(),
                t.exportsPerDay());
    }

    private static List<AuditAlert> around(List<AuditAlert> all, String... actors) {
        var names = java.util.Arrays.asList(actors);
        return all.stream().filter(a -> names.contains(a.actorName())).toList();
    }
}
