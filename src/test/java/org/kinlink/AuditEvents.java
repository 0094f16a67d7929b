package org.kinlink;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads recorded audit events straight from the table, as evidence of what a test caused. */
public final class AuditEvents {

    private AuditEvents() {}

    /** The sequence number of the newest event; events a test causes come after it. */
    public static long newest(JdbcTemplate jdbc) {
        Long newest = jdbc.queryForObject("SELECT COALESCE(MAX(sequence_no), 0) FROM audit_event", Long.class);
        return newest == null ? 0 : newest;
    }

    /** Every column of the events with this action recorded after {@code sequenceNo}, oldest first. */
    public static List<Map<String, Object>> since(JdbcTemplate jdbc, long sequenceNo, String action) {
        return jdbc.queryForList(
                "SELECT * FROM audit_event WHERE sequence_no > ? AND action = ? ORDER BY sequence_no",
                sequenceNo,
                action);
    }
}
