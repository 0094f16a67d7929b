package org.kinlink.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.kinlink.Roles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Auditors' read access to the audit log, newest first. Looking at the log is itself recorded (once
 * per query, on its first page).
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final AuditTrail trail;

    AuditLog(JdbcClient jdbc, AuditTrail trail) {
        this.jdbc = jdbc;
        this.trail = trail;
    }

    @PreAuthorize("hasRole('" + Roles.AUDITOR + "')")
    @Transactional
    public List<AuditEventView> find(AuditFilter filter, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 500) {
            throw new IllegalArgumentException("offset must be >= 0 and limit between 1 and 500");
        }
        // conditions are fixed fragments; every value is a bound parameter
        var where = new StringBuilder(" WHERE 1 = 1");
        var params = new ArrayList<Object>();
        if (filter.actorName() != null) {
            where.append(" AND actor_name = ?");
            params.add(filter.actorName());
        }
        if (filter.action() != null) {
            where.append(" AND action = ?");
            params.add(filter.action());
        }
        if (filter.objectType() != null) {
            where.append(" AND object_type = ?");
            params.add(filter.objectType());
        }
        if (filter.objectId() != null) {
            where.append(" AND object_id = ?");
            params.add(filter.objectId());
        }
        if (filter.outcome() != null) {
            where.append(" AND outcome = ?");
            params.add(filter.outcome().name());
        }
        if (filter.from() != null) {
            where.append(" AND occurred_at >= ?");
            params.add(LocalDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            where.append(" AND occurred_at < ?");
            params.add(LocalDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
        }
        params.add(limit);
        params.add(offset);
        List<AuditEventView> events = jdbc.sql("""
                        SELECT sequence_no, occurred_at, actor_id, actor_name, actor_roles, action, object_type,
                          object_id, outcome, reason, client_address, session_hash, correlation_id
                        FROM audit_event""" + where + " ORDER BY sequence_no DESC LIMIT ? OFFSET ?")
                .params(params)
                .query(AuditLog::view)
                .list();
        if (offset == 0) {
            trail.record(
                    AuditEntry.success("AUDIT_LOG_VIEWED", "AUDIT_LOG", null).because(describe(filter)));
        }
        return events;
    }

    private static AuditEventView view(ResultSet rs, int row) throws SQLException {
        return new AuditEventView(
                rs.getLong(1),
                rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getObject(3, Long.class),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                AuditOutcome.valueOf(rs.getString(9)),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                rs.getString(13));
    }

    private static String describe(AuditFilter filter) {
        return "filter: " + filter.toString().replaceFirst("^AuditFilter", "");
    }
}
