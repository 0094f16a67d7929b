package org.kinlink.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kinlink.Roles;
import org.kinlink.StepUpCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Exports the events matching a filter as CSV, newest first, read page by page and streamed, every
 * cell escaped against formula injection (I1). The export itself is recorded as AUDIT_EXPORTED with
 * the filter and the number of rows (L1, L4).
 */
@Service
public class AuditExport {

    static final int PAGE = 500;

    /** The step-up operation name of the CSV export (S4). */
    public static final String EXPORT_OPERATION = "audit-export";

    static final List<String> HEADER = List.of(
            "sequence_no",
            "occurred_at_utc",
            "actor_id",
            "actor_name",
            "actor_roles",
            "action",
            "object_type",
            "object_id",
            "outcome",
            "reason",
            "client_address",
            "session_hash",
            "correlation_id");

    private final JdbcClient jdbc;
    private final AuditTrail trail;
    private final StepUpCheck stepUp;

    AuditExport(JdbcClient jdbc, AuditTrail trail, StepUpCheck stepUp) {
        this.jdbc = jdbc;
        this.trail = trail;
        this.stepUp = stepUp;
    }

    /**
     * Writes the CSV to {@code out} (not closed) and returns the number of event rows. Deliberately
     * not one transaction: the pages are read one by one, and the record of the export is written
     * at the end, so no lock on the chain head is held while the file is sent. S4: the auditor
     * must have re-confirmed their second factor shortly before ({@link StepUpCheck}).
     */
    @PreAuthorize("hasRole('" + Roles.AUDITOR + "')")
    public long writeCsv(AuditFilter filter, OutputStream out) throws IOException {
        stepUp.require(EXPORT_OPERATION);
        long rows = 0;
        boolean complete = false;
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(Csv.line(HEADER));
            long before = Long.MAX_VALUE;
            while (true) {
                List<AuditEventView> page = page(filter, before, PAGE);
                for (AuditEventView event : page) {
                    writer.write(Csv.line(Arrays.asList(
                            event.sequenceNo(),
                            DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()),
                            event.actorId(),
                            event.actorName(),
                            event.actorRoles(),
                            event.action(),
                            event.objectType(),
                            event.objectId(),
                            event.outcome().name(),
                            event.reason(),
                            event.clientAddress(),
                            event.sessionHash(),
                            event.correlationId())));
                    rows++;
                }
                writer.flush();
                if (page.size() < PAGE) {
                    break;
                }
                before = page.getLast().sequenceNo();
            }
            complete = true;
            return rows;
        } finally {
            String why = AuditLog.describe(filter) + ", rows: " + rows;
            trail.record(
                    complete
                            ? AuditEntry.success("AUDIT_EXPORTED", "AUDIT_LOG", null)
                                    .because(why)
                            : AuditEntry.failure("AUDIT_EXPORTED", "AUDIT_LOG", null)
                                    .because(why + ", interrupted"));
        }
    }

    private List<AuditEventView> page(AuditFilter filter, long beforeSequence, int limit) {
        var params = new ArrayList<Object>();
        String where = AuditLog.where(filter, params) + " AND sequence_no < ?";
        params.add(beforeSequence);
        params.add(limit);
        return jdbc.sql("""
                        SELECT sequence_no, occurred_at, actor_id, actor_name, actor_roles, action, object_type,
                          object_id, outcome, reason, client_address, session_hash, correlation_id
                        FROM audit_event WHERE""" + where + " ORDER BY sequence_no DESC LIMIT ?")
                .params(params)
                .query(AuditLog::view)
                .list();
    }
}
