package org.kinlink.audit;

import com.google.crypto.tink.Mac;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kinlink.Roles;
import org.kinlink.StepUpCheck;
import org.kinlink.crypto.KeyRing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signed checkpoints of the audit chain (L3): made for auditors to keep outside the application,
 * and checked later against the chain, which detects a cut-off tail even when the chain-head row
 * was cut back too. Both are recorded (L4).
 */
@Service
public class AuditCheckpoints {

    private final JdbcClient jdbc;
    private final Mac mac;
    private final int keyId;
    private final Clock clock;
    private final AuditTrail trail;
    private final AuditChainVerifier verifier;
    private final StepUpCheck stepUp;

    /** The step-up operation name of the checkpoint download (S4). */
    public static final String EXPORT_OPERATION = "audit-checkpoint";

    AuditCheckpoints(
            JdbcClient jdbc,
            KeyRing keys,
            Clock clock,
            AuditTrail trail,
            AuditChainVerifier verifier,
            StepUpCheck stepUp) {
        this.stepUp = stepUp;
        this.jdbc = jdbc;
        this.mac = keys.auditMac();
        this.keyId = keys.primaryAuditKeyId();
        this.clock = clock;
        this.trail = trail;
        this.verifier = verifier;
    }

    /**
     * A checkpoint of the chain as it is now; recorded as AUDIT_CHECKPOINT_EXPORTED. An export, so
     * it needs a recent step-up (S4).
     */
    @PreAuthorize("hasRole('" + Roles.AUDITOR + "')")
    @Transactional
    public AuditCheckpoint create() {
        stepUp.require(EXPORT_OPERATION);
        var head = jdbc.sql("SELECT last_sequence_no, last_hash FROM audit_chain_head WHERE id = 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        long headSequence = (Long) head[0];
        String headHash = (String) head[1];
        long count = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE sequence_no <= ?")
                .param(headSequence)
                .query(Long.class)
                .single();
        var unsigned = new AuditCheckpoint(
                AuditCheckpoint.FORMAT,
                headSequence,
                headHash,
                count,
                clock.instant().truncatedTo(ChronoUnit.SECONDS),
                Integer.toUnsignedLong(keyId),
                "");
        AuditCheckpoint checkpoint;
        try {
            checkpoint = new AuditCheckpoint(
                    unsigned.format(),
                    unsigned.headSequence(),
                    unsigned.headHash(),
                    unsigned.eventCount(),
                    unsigned.createdAt(),
                    unsigned.keyId(),
                    HexFormat.of().formatHex(mac.computeMac(unsigned.canonical())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign the audit checkpoint", e);
        }
        trail.record(AuditEntry.success("AUDIT_CHECKPOINT_EXPORTED", "AUDIT_CHAIN", headSequence)
                .because("events: " + count + ", head hash: " + headHash));
        return checkpoint;
    }

    /**
     * Checks a checkpoint (its JSON text) against the chain: the signature, the event it names and
     * the chain up to that event. Recorded as AUDIT_CHECKPOINT_CHECKED with the result.
     */
    @PreAuthorize("hasRole('" + Roles.AUDITOR + "')")
    @Transactional
    public CheckpointCheck check(String json) {
        CheckpointCheck result = examine(json);
        trail.record(AuditEntry.success("AUDIT_CHECKPOINT_CHECKED", "AUDIT_CHAIN", result.headSequence())
                .because(result.valid() ? "valid" : result.problem()));
        return result;
    }

    CheckpointCheck examine(String json) {
        AuditCheckpoint checkpoint;
        try {
            checkpoint = AuditCheckpoint.parse(json);
        } catch (IllegalArgumentException e) {
            return invalid(null, "this is not a Kinlink audit checkpoint");
        }
        if (!AuditCheckpoint.FORMAT.equals(checkpoint.format())) {
            return invalid(null, "unknown checkpoint format " + checkpoint.format());
        }
        try {
            mac.verifyMac(HexFormat.of().parseHex(checkpoint.signature()), checkpoint.canonical());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return invalid(null, "the signature is not valid: the checkpoint was altered or not made by Kinlink");
        }
        long head = checkpoint.headSequence();
        Optional<String> hash = jdbc.sql("SELECT hash FROM audit_event WHERE sequence_no = ?")
                .param(head)
                .query(String.class)
                .optional();
        if (hash.isEmpty()) {
            ChainVerification walk = verifier.walkTo(head);
            return invalid(
                    head,
                    "event " + head + " named by the checkpoint is missing"
                            + (walk.intact() ? "" : "; " + walk.problem()));
        }
        if (!hash.get().equals(checkpoint.headHash())) {
            return invalid(head, "event " + head + " no longer has the hash the checkpoint names");
        }
        ChainVerification walk = verifier.walkTo(head);
        if (!walk.intact()) {
            return invalid(head, walk.problem());
        }
        if (walk.eventsChecked() != checkpoint.eventCount()) {
            return invalid(
                    head,
                    "the checkpoint counts " + checkpoint.eventCount() + " events, the chain has "
                            + walk.eventsChecked());
        }
        return new CheckpointCheck(true, head, null, clock.instant());
    }

    private CheckpointCheck invalid(@Nullable Long head, @Nullable String problem) {
        return new CheckpointCheck(false, head, problem, clock.instant());
    }
}
