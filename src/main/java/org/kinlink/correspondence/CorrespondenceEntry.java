package org.kinlink.correspondence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/** One revision of a logged contact; never updated. */
@Entity
@Immutable
@Table(name = "correspondence_entry")
class CorrespondenceEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "entry_key", nullable = false, length = 36, columnDefinition = "CHAR(36)")
    String entryKey = "";

    @Column(nullable = false)
    int revision;

    @Column(name = "row_key", nullable = false, length = 36, columnDefinition = "CHAR(36)")
    String rowKey = UUID.randomUUID().toString();

    @Column(name = "case_id", nullable = false)
    long caseId;

    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt = Instant.EPOCH;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    Channel channel = Channel.PHONE;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    Direction direction = Direction.INCOMING;

    @Column(name = "counterpart_party_id")
    @Nullable
    Long counterpartPartyId;

    @Column(name = "counterpart_text", length = 200)
    @Nullable
    String counterpartText;

    @Column(nullable = false, length = 200)
    String subject = "";

    @Column(name = "summary_enc", columnDefinition = "TEXT")
    @Nullable
    String summaryEnc;

    // SENSITIVE is a reserved word in MariaDB
    @Column(name = "is_sensitive", nullable = false)
    boolean sensitive;

    @Column(name = "correction_reason", length = 500)
    @Nullable
    String correctionReason;

    @Column(name = "recorded_by", nullable = false)
    long recordedBy;

    @Column(name = "recorded_by_name", nullable = false, length = 200)
    String recordedByName = "";

    @Column(name = "recorded_at", nullable = false)
    Instant recordedAt = Instant.EPOCH;

    protected CorrespondenceEntry() {}

    CorrespondenceEntry(String entryKey, int revision, long caseId) {
        this.entryKey = entryKey;
        this.revision = revision;
        this.caseId = caseId;
    }
}
