package org.kinlink.audit;

import com.google.crypto.tink.Mac;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.kinlink.crypto.KeyRing;

/**
 * Appends audit events in JDBC batches for the data generator (benchmarks and their test only),
 * with exactly the hash chain {@link AuditTrail} writes ({@link CanonicalEvent}, the audit key of
 * the key ring). The generator is the only writer while it runs: it reads the chain head once,
 * links every event to the previous one in memory and moves the head in each batch's transaction.
 */
public final class GeneratedAuditChain implements AutoCloseable {

    private final Mac mac;
    private final Connection connection;
    private final PreparedStatement insert;
    private long sequenceNo;
    private String lastHash;

    public GeneratedAuditChain(KeyRing keys, Connection connection) throws SQLException {
        this.mac = keys.auditMac();
        this.connection = connection;
        try (var head = connection.prepareStatement(
                        "SELECT last_sequence_no, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
                var rs = head.executeQuery()) {
            rs.next();
            sequenceNo = rs.getLong(1);
            lastHash = rs.getString(2);
        }
        insert = connection.prepareStatement("""
                INSERT INTO audit_event (sequence_no, occurred_at, actor_id, actor_name, actor_roles, action,
                  object_type, object_id, outcome, reason, client_address, session_hash, correlation_id,
                  previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
    }

    /** Adds one successful event to the batch. */
    public void append(
            Instant at,
            @Nullable Long actorId,
            String actorName,
            String actorRoles,
            String action,
            String objectType,
            @Nullable String objectId,
            @Nullable String reason)
            throws SQLException {
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        long next = sequenceNo + 1;
        String hash = hash(CanonicalEvent.of(
                lastHash,
                next,
                now,
                actorId,
                actorName,
                actorRoles,
                action,
                objectType,
                objectId,
                AuditOutcome.SUCCESS.name(),
                reason,
                null,
                null,
                null));
        insert.setLong(1, next);
        insert.setTimestamp(2, Timestamp.valueOf(LocalDateTime.ofInstant(now, ZoneOffset.UTC)));
        if (actorId == null) {
            insert.setNull(3, Types.BIGINT);
        } else {
            insert.setLong(3, actorId);
        }
        insert.setString(4, actorName);
        insert.setString(5, actorRoles);
        insert.setString(6, action);
        insert.setString(7, objectType);
        insert.setString(8, objectId);
        insert.setString(9, AuditOutcome.SUCCESS.name());
        insert.setString(10, reason);
        insert.setNull(11, Types.VARCHAR);
        insert.setNull(12, Types.VARCHAR);
        insert.setNull(13, Types.VARCHAR);
        insert.setString(14, lastHash);
        insert.setString(15, hash);
        insert.addBatch();
        sequenceNo = next;
        lastHash = hash;
    }

    /** Writes the batched events and moves the chain head; the caller commits. */
    public void flush() throws SQLException {
        insert.executeBatch();
        try (var head = connection.prepareStatement(
                "UPDATE audit_chain_head SET last_sequence_no = ?, last_hash = ? WHERE id = 1")) {
            head.setLong(1, sequenceNo);
            head.setString(2, lastHash);
            head.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }

    private String hash(byte[] canonical) {
        try {
            return HexFormat.of().formatHex(mac.computeMac(canonical));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot compute the audit hash", e);
        }
    }
}
