package org.kinlink.audit;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.kinlink.Roles;
import org.kinlink.StepUpCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail's part of a subject access export (D7): the processing history of a person's
 * record (events whose object is that person), oldest first, without staff names or reasons. The
 * caller must be allowed to export the person's data ({@link SubjectAccessGate}, implemented by the
 * people module).
 */
@Service
public class AuditSubjectData {

    /** More than any real record collects; the export says when the history was cut. */
    public static final int MAX_EVENTS = 5000;

    private final JdbcClient jdbc;
    private final SubjectAccessGate gate;
    private final StepUpCheck stepUp;
    private final AuditTrail trail;

    AuditSubjectData(JdbcClient jdbc, SubjectAccessGate gate, StepUpCheck stepUp, AuditTrail trail) {
        this.jdbc = jdbc;
        this.gate = gate;
        this.stepUp = stepUp;
        this.trail = trail;
    }

    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public List<ProcessingEvent> historyOf(long personId) {
        gate.requireSubjectAccess(personId);
        stepUp.require("subject-access-export");
        List<ProcessingEvent> events = jdbc.sql("""
                        SELECT occurred_at, action, outcome, actor_roles FROM audit_event
                        WHERE object_type = 'PERSON' AND object_id = ? ORDER BY sequence_no LIMIT ?""")
                .params(Long.toString(personId), MAX_EVENTS)
                .query((rs, n) -> new ProcessingEvent(
                        rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getString(2),
                        AuditOutcome.valueOf(rs.getString(3)),
                        rs.getString(4)))
                .list();
        trail.record(AuditEntry.success("SUBJECT_DATA_READ", "PERSON", personId)
                .because("processing history: " + events.size()));
        return events;
    }
}
