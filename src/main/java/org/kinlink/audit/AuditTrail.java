package org.kinlink.audit;

import com.google.crypto.tink.Mac;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.kinlink.crypto.KeyRing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records audit events. {@link #record} joins the caller's transaction, so the event is committed
 * exactly when the work it describes is. Events are numbered and linked under a lock on the single
 * chain-head row ({@code SELECT ... FOR UPDATE}), so the chain stays gap-free and correctly ordered
 * with any number of writers and application nodes; the cost is that audited transactions queue
 * on that row until they commit (see docs/design-decisions/0002-audit-chain.md).
 *
 * <p>Recording is open to every caller, signed in or not (a failed sign-in must be recorded too);
 * it reveals nothing.
 */
@Service
public class AuditTrail {

    static final String GENESIS = "GENESIS";

    private final JdbcClient jdbc;
    private final AuditContext context;
    private final Mac mac;
    private final Clock clock;
    private final TransactionTemplate independent;

    AuditTrail(
            JdbcClient jdbc,
            AuditContext context,
            KeyRing keys,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.context = context;
        this.mac = keys.auditMac();
        this.clock = clock;
        this.independent = new TransactionTemplate(transactionManager);
        this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records the event in the current transaction (or a new one if there is none). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEntry entry) {
        append(entry, context.capture());
    }

    /**
     * Records an event that must be kept whatever happens to the current transaction, such as a
     * denied access whose exception rolls the work back. It is written after the current
     * transaction ends (never inside it, which could wait on the chain-head lock that transaction
     * holds).
     */
    public void recordIndependently(AuditEntry entry) {
        AuditContext.Captured captured = context.capture();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    independent.executeWithoutResult(tx -> append(entry, captured));
                }
            });
        } else {
            independent.executeWithoutResult(tx -> append(entry, captured));
        }
    }

    private void append(AuditEntry entry, AuditContext.Captured who) {
        var head = jdbc.sql("SELECT last_sequence_no, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();
        long sequenceNo = head.sequenceNo() + 1;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Long actorId = entry.actorId() != null ? entry.actorId() : who.actorId();
        String actorName = entry.actorName() != null ? entry.actorName() : who.actorName();
        String hash = hash(CanonicalEvent.of(
                head.hash(),
                sequenceNo,
                now,
                actorId,
                actorName,
                who.actorRoles(),
                entry.action(),
                entry.objectType(),
                entry.objectId(),
                entry.outcome().name(),
                entry.reason(),
                who.clientAddress(),
                who.sessionHash(),
                who.correlationId()));
        jdbc.sql("""
                INSERT INTO audit_event (sequence_no, occurred_at, actor_id, actor_name, actor_roles, action,
                  object_type, object_id, outcome, reason, client_address, session_hash, correlation_id,
                  previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        sequenceNo,
                        LocalDateTime.ofInstant(now, ZoneOffset.UTC),
                        actorId,
                        actorName,
                        who.actorRoles(),
                        entry.action(),
                        entry.objectType(),
                        entry.objectId(),
                        entry.outcome().name(),
                        entry.reason(),
                        who.clientAddress(),
                        who.sessionHash(),
                        who.correlationId(),
                        head.hash(),
                        hash)
                .update();
        jdbc.sql("UPDATE audit_chain_head SET last_sequence_no = ?, last_hash = ? WHERE id = 1")
                .params(sequenceNo, hash)
                .update();
    }

    private String hash(byte[] canonical) {
        try {
            return HexFormat.of().formatHex(mac.computeMac(canonical));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot compute the audit hash", e);
        }
    }

    private record Head(long sequenceNo, String hash) {}
}
