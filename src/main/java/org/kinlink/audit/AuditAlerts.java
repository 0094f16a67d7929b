package org.kinlink.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.kinlink.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unusual access flagged for auditors, computed from the audit log over a time range: many
 * distinct cases opened in a short time, reveals outside working hours, repeated denied access and
 * bulk exports. Thresholds in {@link AlertThresholds}. Looking at the alerts is recorded (L4).
 */
@Service
public class AuditAlerts {

    private final JdbcClient jdbc;
    private final AuditTrail trail;
    private final AlertThresholds thresholds;

    @Autowired
    AuditAlerts(JdbcClient jdbc, AuditTrail trail, AlertThresholds.Configured configured) {
        this(jdbc, trail, configured.thresholds);
    }

    AuditAlerts(JdbcClient jdbc, AuditTrail trail, AlertThresholds thresholds) {
        this.jdbc = jdbc;
        this.trail = trail;
        this.thresholds = thresholds;
    }

    @PreAuthorize("hasRole('" + Roles.AUDITOR + "')")
    public AlertThresholds thresholds() {
        return thresholds;
    }

    /** The alerts for events in {@code [from, to)}; recorded as AUDIT_ALERTS_VIEWED. */
    @PreAuthorize("hasRole('" + Roles.AUDITOR + "')")
    @Transactional
    public List<AuditAlert> alerts(Instant from, Instant to) {
        List<AuditAlert> alerts = new ArrayList<>();
        alerts.addAll(manyCases(from, to));
        alerts.addAll(revealsOutsideHours(from, to));
        alerts.addAll(repeatedDenials(from, to));
        alerts.addAll(bulkExports(from, to));
        alerts.sort(Comparator.comparing(AuditAlert::windowEnd).reversed());
        trail.record(AuditEntry.success("AUDIT_ALERTS_VIEWED", "AUDIT_LOG", null)
                .because("from " + from + " to " + to + ", alerts: " + alerts.size()));
        return alerts;
    }

    private List<AuditAlert> manyCases(Instant from, Instant to) {
        var hits = hits("action = ?", "CASE_VIEWED", from, to);
        return bursts(hits, thresholds.casesWindow(), thresholds.distinctCases(), AuditAlert.Kind.MANY_CASES);
    }

    private List<AuditAlert> repeatedDenials(Instant from, Instant to) {
        var hits = hits("outcome = ?", AuditOutcome.DENIED.name(), from, to).stream()
                .map(h -> new Hit(h.actorId, h.actorName, h.at, Long.toString(h.sequenceNo), h.sequenceNo))
                .toList();
        return bursts(hits, thresholds.denialsWindow(), thresholds.denials(), AuditAlert.Kind.REPEATED_DENIALS);
    }

    private List<AuditAlert> revealsOutsideHours(Instant from, Instant to) {
        Map<Actor, List<Hit>> outside = new LinkedHashMap<>();
        for (Hit hit : hits("action LIKE ?", "REVEAL%", from, to)) {
            if (!thresholds.withinWorkingHours(hit.at.atZone(thresholds.zone()).getHour())) {
                outside.computeIfAbsent(hit.actor(), a -> new ArrayList<>()).add(hit);
            }
        }
        List<AuditAlert> alerts = new ArrayList<>();
        outside.forEach((actor, hits) -> alerts.add(new AuditAlert(
                AuditAlert.Kind.REVEAL_OUTSIDE_HOURS,
                actor.id,
                actor.name,
                hits.size(),
                hits.getFirst().at,
                hits.getLast().at)));
        return alerts;
    }

    private List<AuditAlert> bulkExports(Instant from, Instant to) {
        Map<Actor, Map<LocalDate, List<Hit>>> perDay = new LinkedHashMap<>();
        for (Hit hit : hits("action LIKE ?", "%\\_EXPORTED", from, to)) {
            perDay.computeIfAbsent(hit.actor(), a -> new LinkedHashMap<>())
                    .computeIfAbsent(hit.at.atZone(thresholds.zone()).toLocalDate(), d -> new ArrayList<>())
                    .add(hit);
        }
        List<AuditAlert> alerts = new ArrayList<>();
        perDay.forEach((actor, days) -> days.forEach((day, hits) -> {
            if (hits.size() > thresholds.exportsPerDay()) {
                alerts.add(new AuditAlert(
                        AuditAlert.Kind.BULK_EXPORTS,
                        actor.id,
                        actor.name,
                        hits.size(),
                        hits.getFirst().at,
                        hits.getLast().at));
            }
        }));
        return alerts;
    }

    /**
     * Per actor, the window of at most {@code window} holding the most distinct keys; an alert when
     * that is more than {@code threshold}.
     */
    static List<AuditAlert> bursts(List<Hit> hits, Duration window, int threshold, AuditAlert.Kind kind) {
        Map<Actor, List<Hit>> byActor = new LinkedHashMap<>();
        hits.forEach(hit ->
                byActor.computeIfAbsent(hit.actor(), a -> new ArrayList<>()).add(hit));
        List<AuditAlert> alerts = new ArrayList<>();
        byActor.forEach((actor, own) -> {
            Map<String, Integer> inWindow = new HashMap<>();
            int left = 0;
            int best = 0;
            Instant bestStart = null;
            Instant bestEnd = null;
            for (Hit hit : own) {
                inWindow.merge(hit.key, 1, Integer::sum);
                while (own.get(left).at.isBefore(hit.at.minus(window))) {
                    inWindow.computeIfPresent(own.get(left).key, (k, n) -> n == 1 ? null : n - 1);
                    left++;
                }
                if (inWindow.size() > best) {
                    best = inWindow.size();
                    bestStart = own.get(left).at;
                    bestEnd = hit.at;
                }
            }
            if (best > threshold) {
                alerts.add(new AuditAlert(
                        kind,
                        actor.id,
                        actor.name,
                        best,
                        Objects.requireNonNull(bestStart),
                        Objects.requireNonNull(bestEnd)));
            }
        });
        return alerts;
    }

    /** The events matching one fixed condition with a bound value, oldest first per actor. */
    private List<Hit> hits(String condition, String value, Instant from, Instant to) {
        // condition is one of the fixed fragments above, never user input; every value is bound
        return jdbc.sql("SELECT actor_id, actor_name, occurred_at, object_id, sequence_no FROM audit_event WHERE "
                        + condition + " AND occurred_at >= ? AND occurred_at < ? ORDER BY sequence_no")
                .params(
                        value,
                        LocalDateTime.ofInstant(from, ZoneOffset.UTC),
                        LocalDateTime.ofInstant(to, ZoneOffset.UTC))
                .query((rs, n) -> new Hit(
                        rs.getObject(1, Long.class),
                        rs.getString(2),
                        rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        Objects.requireNonNullElse(rs.getString(4), ""),
                        rs.getLong(5)))
                .list();
    }

    record Actor(@Nullable Long id, @Nullable String name) {}

    record Hit(@Nullable Long actorId, @Nullable String actorName, Instant at, String key, long sequenceNo) {
        Actor actor() {
            return new Actor(actorId, actorName);
        }
    }
}
