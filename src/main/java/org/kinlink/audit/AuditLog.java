package org.kinlink.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
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
        var params = new ArrayList<Object>();
        String where = where(filter, params);
        params.add(limit);
        params.add(offset);
        List<AuditEventView> events = jdbc.sql("""
                        SELECT sequence_no, occurred_at, actor_id, actor_name, actor_roles, action, object_type,
                          object_id, outcome, reason, client_address, session_hash, correlation_id
                        FROM audit_event WHERE""" + where + " ORDER BY sequence_no DESC LIMIT ? OFFSET ?")
                .params(params)
                .query(AuditLog::view)
                .list();
        if (offset == 0) {
            trail.record(
                    AuditEntry.success("AUDIT_LOG_VIEWED", "AUDIT_LOG", null).because(describe(filter)));
        }
        return events;
    }

    /**
     * The kinds of record that occur in the log (CASE, PERSON, USER, VIEW...), for the filter. Not
     * recorded: it names no record.
     */
    @PreAuthorize("hasRole('" + Roles.AUDITOR + "')")
    @Transactional(readOnly = true)
    public List<String> objectTypes() {
        // served by the index on (object_type, object_id)
        return jdbc.sql(
                        "SELECT DISTINCT object_type FROM audit_event WHERE object_type IS NOT NULL ORDER BY object_type")
                .query(String.class)
                .list();
    }

    /**
     * L4: who accessed this record: every user with an event on it, with their first and last event
     * and how many there were, most recent first. Recorded as AUDIT_RECORD_ACCESS_VIEWED.
     */
    @PreAuthorize("hasRole('" + Roles.AUDITOR + "')")
    @Transactional
    public List<RecordAccess> accessesTo(String objectType, String objectId) {
        // the lookup is itself recorded under this type and id, which must fit the event's columns
        // (found in review: a longer id made the lookup fail with a database error)
        if (objectType.isBlank() || objectType.length() > 64) {
            throw new org.kinlink.InvalidInput("objectType", "audit.record.invalid");
        }
        if (objectId.isBlank() || objectId.length() > 64) {
            throw new org.kinlink.InvalidInput("objectId", "audit.record.invalid");
        }
        List<RecordAccess> accesses = jdbc.sql("""
                        SELECT actor_id, actor_name, MIN(occurred_at), MAX(occurred_at), COUNT(*)
                        FROM audit_event WHERE object_type = ? AND object_id = ?
                        GROUP BY actor_id, actor_name ORDER BY MAX(occurred_at) DESC LIMIT 500""")
                .params(objectType, objectId)
                .query((rs, n) -> new RecordAccess(
                        rs.getObject(1, Long.class),
                        rs.getString(2),
                        rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getLong(5)))
                .list();
        trail.record(AuditEntry.success("AUDIT_RECORD_ACCESS_VIEWED", objectType, objectId));
        return accesses;
    }

    /**
     * L4: what a user did: how many events of each action they caused in the time range (either end
     * may be null), most frequent first. Recorded as AUDIT_USER_ACTIVITY_VIEWED.
     */
    @PreAuthorize("hasRole('" + Roles.AUDITOR + "')")
    @Transactional
    public List<ActionCount> activityOf(String actorName, @Nullable Instant from, @Nullable Instant to) {
        var params = new ArrayList<Object>();
        String where = where(new AuditFilter(actorName, null, null, null, null, from, to), params);
        List<ActionCount> counts = jdbc.sql("SELECT action, COUNT(*) FROM audit_event WHERE" + where
                        + " GROUP BY action ORDER BY COUNT(*) DESC, action")
                .params(params)
                .query((rs, n) -> new ActionCount(rs.getString(1), rs.getLong(2)))
                .list();
        trail.record(AuditEntry.success("AUDIT_USER_ACTIVITY_VIEWED", "AUDIT_LOG", null)
                .because("user: " + actorName));
        return counts;
    }

    /** The filter as fixed condition fragments; every value is added to {@code params} and bound. */
    static String where(AuditFilter filter, List<Object> params) {
        var where = new StringBuilder(" 1 = 1");
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
        return where.toString();
    }

    static AuditEventView view(ResultSet rs, int row) throws SQLException {
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

    static String describe(AuditFilter filter) {
        return "filter: " + filter.toString().replaceFirst("^AuditFilter", "");
    }
}
