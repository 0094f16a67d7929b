package org.kinlink.audit;

import com.google.crypto.tink.Mac;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kinlink.Roles;
import org.kinlink.crypto.KeyRing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the audit chain from the first event and reports the first place where an event is
 * missing (a gap in the sequence or a newest event cut off), altered (its hash does not match its
 * content) or re-linked (it does not point at its predecessor's hash).
 */
@Service
public class AuditChainVerifier {

    /** How the reason of an {@code AUDIT_CHAIN_VERIFIED} event starts when the chain was intact. */
    static final String INTACT = "intact, ";

    private static final int BATCH = 2000;

    private final JdbcClient jdbc;
    private final Mac mac;
    private final Clock clock;
    private final AuditTrail trail;

    AuditChainVerifier(JdbcClient jdbc, KeyRing keys, Clock clock, AuditTrail trail) {
        this.jdbc = jdbc;
        this.mac = keys.auditMac();
        this.clock = clock;
        this.trail = trail;
    }

    @PreAuthorize("hasRole('" + Roles.AUDITOR + "')")
    @Transactional
    public ChainVerification verify() {
        ChainVerification result = walk();
        trail.record(AuditEntry.success("AUDIT_CHAIN_VERIFIED", "AUDIT_CHAIN", null)
                .because(result.intact() ? INTACT + result.eventsChecked() + " events" : result.problem()));
        return result;
    }

    ChainVerification walk() {
        // read the head first: events appended while we walk are simply not covered by this run
        var head = jdbc.sql("SELECT last_sequence_no, last_hash FROM audit_chain_head WHERE id = 1")
                .query((rs, n) -> new long[] {rs.getLong(1)})
                .single();
        return walkTo(head[0]);
    }

    /** Walks the chain from the first event to {@code headSequence}, which must all be present. */
    ChainVerification walkTo(long headSequence) {
        String expectedPrevious = AuditTrail.GENESIS;
        long expectedSequence = 1;
        long checked = 0;
        while (expectedSequence <= headSequence) {
            List<Row> rows = jdbc.sql("""
                    SELECT sequence_no, occurred_at, actor_id, actor_name, actor_roles, action, object_type, object_id,
                      outcome, reason, client_address, session_hash, correlation_id, previous_hash, hash
                    FROM audit_event WHERE sequence_no >= ? AND sequence_no <= ? ORDER BY sequence_no LIMIT ?""")
                    .params(expectedSequence, headSequence, BATCH)
                    .query((rs, n) -> new Row(
                            rs.getLong(1),
                            rs.getObject(2, LocalDateTime.class),
                            (Long) rs.getObject(3, Long.class),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10),
                            rs.getString(11),
                            rs.getString(12),
                            rs.getString(13),
                            rs.getString(14),
                            rs.getString(15)))
                    .list();
            if (rows.isEmpty()) {
                return broken(
                        checked,
                        expectedSequence,
                        "events " + expectedSequence + " to " + headSequence
                                + " are missing (the newest events were removed)");
            }
            for (Row row : rows) {
                if (row.sequenceNo != expectedSequence) {
                    return broken(checked, expectedSequence, "event " + expectedSequence + " is missing");
                }
                if (!row.previousHash.equals(expectedPrevious)) {
                    return broken(
                            checked,
                            row.sequenceNo,
                            "event " + row.sequenceNo + " does not link to the event before it");
                }
                if (!matches(row)) {
                    return broken(
                            checked, row.sequenceNo, "event " + row.sequenceNo + " was altered after it was recorded");
                }
                expectedPrevious = row.hash;
                expectedSequence++;
                checked++;
            }
        }
        return new ChainVerification(true, checked, null, null, clock.instant());
    }

    private boolean matches(Row row) {
        byte[] canonical = CanonicalEvent.of(
                row.previousHash,
                row.sequenceNo,
                row.occurredAt.toInstant(ZoneOffset.UTC),
                row.actorId,
                row.actorName,
                row.actorRoles,
                row.action,
                row.objectType,
                row.objectId,
                row.outcome,
                row.reason,
                row.clientAddress,
                row.sessionHash,
                row.correlationId);
        try {
            mac.verifyMac(HexFormat.of().parseHex(row.hash), canonical);
            return true;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private ChainVerification broken(long checked, long sequence, String problem) {
        return new ChainVerification(false, checked, sequence, problem, clock.instant());
    }

    private record Row(
            long sequenceNo,
            LocalDateTime occurredAt,
            @Nullable Long actorId,
            @Nullable String actorName,
            @Nullable String actorRoles,
            String action,
            @Nullable String objectType,
            @Nullable String objectId,
            String outcome,
            @Nullable String reason,
            @Nullable String clientAddress,
            @Nullable String sessionHash,
            @Nullable String correlationId,
            String previousHash,
            String hash) {}
}
