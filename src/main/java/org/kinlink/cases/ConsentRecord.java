package org.kinlink.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

@Entity
@Immutable
@Table(name = "case_consent_record")
class ConsentRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "consent_id", nullable = false)
    long consentId;

    /** TRACING (the enquirer's consent) or DISCLOSURE (the sought person's decision). */
    @Column(nullable = false, length = 16)
    String subject = "";

    @Column(nullable = false, length = 32)
    String decision = "";

    @Column(name = "decided_on", nullable = false)
    LocalDate decidedOn = LocalDate.EPOCH;

    @Column(name = "obtained_how", nullable = false, length = 500)
    String obtainedHow = "";

    @Column(name = "recorded_by", nullable = false)
    long recordedBy;

    @Column(name = "recorded_by_name", nullable = false, length = 200)
    String recordedByName = "";

    @Column(name = "recorded_at", nullable = false)
    Instant recordedAt = Instant.EPOCH;

    protected ConsentRecord() {}

    ConsentRecord(
            long consentId,
            String subject,
            String decision,
            LocalDate decidedOn,
            String obtainedHow,
            long recordedBy,
            String recordedByName,
            Instant recordedAt) {
        this.consentId = consentId;
        this.subject = subject;
        this.decision = decision;
        this.decidedOn = decidedOn;
        this.obtainedHow = obtainedHow;
        this.recordedBy = recordedBy;
        this.recordedByName = recordedByName;
        this.recordedAt = recordedAt;
    }
}
