package org.kinlink.audit;

import com.google.crypto.tink.Mac;
import jakarta.persistence.EntityManagerFactory;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.kinlink.crypto.KeyRing;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
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
 * with any number of writers and application nodes.
 *
 * <p>The events of a transaction are kept until it is about to commit and then written together
 * (one head lock, the inserts, one head update), after the JPA changes have been flushed. So the
 * head row is locked only for the last moment of each audited transaction, not from its first
 * event to its end: a long transaction (an import of hundreds of cases) no longer makes every
 * other audited action, sign-in included, wait for it. An event keeps the time it was recorded;
 * its place in the chain is the order of commits (see docs/design-decisions/0002-audit-chain.md).
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
    private final ObjectProvider<EntityManagerFactory> entityManagerFactory;

    AuditTrail(
            JdbcClient jdbc,
            AuditContext context,
            KeyRing keys,
            Clock clock,
            PlatformTransactionManager transactionManager,
            ObjectProvider<EntityManagerFactory> entityManagerFactory) {
        this.jdbc = jdbc;
        this.entityManagerFactory = entityManagerFactory;
        this.context = context;
        this.mac = keys.auditMac();
        this.clock = clock;
        this.independent = new TransactionTemplate(transactionManager);
        this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records the event in the current transaction (or a new one if there is none); it is written
     * when that transaction is about to commit, and not at all if it rolls back.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEntry entry) {
        var event = new Pending(entry, context.capture(), now());
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            append(List.of(event));
            return;
        }
        // the transaction's own batch: synchronizations (unlike bound resources) are suspended
        // with their transaction, so an inner REQUIRES_NEW transaction gets a batch of its own
        TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(PendingEvents.class::isInstance)
                .map(PendingEvents.class::cast)
                .filter(batch -> batch.owner == this)
                .findFirst()
                .orElseGet(() -> {
                    var batch = new PendingEvents(this);
                    TransactionSynchronizationManager.registerSynchronization(batch);
                    return batch;
                })
                .events
                .add(event);
    }

    /**
     * Records an event that must be kept whatever happens to the current transaction, such as a
     * denied access whose exception rolls the work back. It is written after the current
     * transaction ends (never inside it, which could wait on the chain-head lock that transaction
     * holds).
     */
    public void recordIndependently(AuditEntry entry) {
        var event = new Pending(entry, context.capture(), now());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    independent.executeWithoutResult(tx -> append(List.of(event)));
                }
            });
        } else {
            independent.executeWithoutResult(tx -> append(List.of(event)));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Links the events into the chain, in order, under one lock of the head row. */
    private void append(List<Pending> events) {
        if (events.isEmpty()) {
            return;
        }
        var head = jdbc.sql("SELECT last_sequence_no, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();
        for (Pending event : events) {
            head = insert(head, event.entry(), event.who(), event.at());
        }
        jdbc.sql("UPDATE audit_chain_head SET last_sequence_no = ?, last_hash = ? WHERE id = 1")
                .params(head.sequenceNo(), head.hash())
                .update();
    }

    private Head insert(Head head, AuditEntry entry, AuditContext.Captured who, Instant now) {
        long sequenceNo = head.sequenceNo() + 1;
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
        return new Head(sequenceNo, hash);
    }

    /** Before the head is locked, the transaction's JPA changes take their row locks (deadlock order). */
    private void flushEntityManager() {
        EntityManagerFactory factory = entityManagerFactory.getIfAvailable();
        if (factory != null) {
            var entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(factory);
            if (entityManager != null) {
                try {
                    entityManager.flush();
                } catch (RuntimeException e) {
                    // as the commit would have: a stale @Version becomes Spring's optimistic-locking failure
                    RuntimeException translated = EntityManagerFactoryUtils.convertJpaAccessExceptionIfPossible(e);
                    throw translated != null ? translated : e;
                }
            }
        }
    }

    private record Pending(AuditEntry entry, AuditContext.Captured who, Instant at) {}

    /** The events recorded in one transaction, written just before it commits. */
    private static final class PendingEvents implements TransactionSynchronization {

        final AuditTrail owner;
        final List<Pending> events = new ArrayList<>();

        PendingEvents(AuditTrail owner) {
            this.owner = owner;
        }

        @Override
        public int getOrder() {
            // after every other synchronization's beforeCommit, which may still record events
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            owner.flushEntityManager();
            owner.append(events);
            events.clear();
        }
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
