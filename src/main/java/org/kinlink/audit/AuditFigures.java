package org.kinlink.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kinlink.Roles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures for the auditors' dashboard, read from the audit trail without walking the chain: the
 * outcome of the last recorded verification and the number of events per day. Counts and the
 * verification's result name no one, so reading them is not recorded.
 */
@Service
public class AuditFigures {

    /** The last recorded chain verification: when, by whom, whether the chain was intact, and its words. */
    public record LastVerification(Instant at, @Nullable String by, boolean intact, String detail) {}

    /** Audit events recorded on one day (UTC). */
    public record DayCount(LocalDate day, long events) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The newest {@code AUDIT_CHAIN_VERIFIED} event, if the chain was ever verified. */
    @PreAuthorize("hasRole('" + Roles.AUDITOR + "')")
    @Transactional(readOnly = true)
    public Optional<LastVerification> lastVerification() {
        return jdbc.sql("""
                        SELECT occurred_at, actor_name, reason FROM audit_event
                        WHERE action = 'AUDIT_CHAIN_VERIFIED' ORDER BY sequence_no DESC LIMIT 1""")
                .query((rs, n) -> {
                    String reason = rs.getString(3) == null ? "" : rs.getString(3);
                    return new LastVerification(
                            rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                            rs.getString(2),
                            reason.startsWith(AuditChainVerifier.INTACT),
                            reason);
                })
                .optional();
    }

    /** Events per day (UTC) for the last {@code days} days up to today, oldest first; days without events count 0. */
    @PreAuthorize("hasRole('" + Roles.AUDITOR + "')")
    @Transactional(readOnly = true)
    public List<DayCount> eventsPerDay(int days) {
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("days must be between 1 and 366");
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = today.minusDays(days - 1L);
        Map<LocalDate, Long> counts = new HashMap<>();
        jdbc.sql("""
                        SELECT DATE(occurred_at), COUNT(*) FROM audit_event
                        WHERE occurred_at >= :from AND occurred_at < :to GROUP BY DATE(occurred_at)""")
                .param("from", first.atStartOfDay())
                .param("to", today.plusDays(1).atStartOfDay())
                .query((java.sql.ResultSet rs) -> {
                    counts.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
                });
        List<DayCount> result = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            result.add(new DayCount(day, counts.getOrDefault(day, 0L)));
        }
        return result;
    }
}
