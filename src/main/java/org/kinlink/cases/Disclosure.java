package org.kinlink.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

@Entity
@Immutable
@Table(name = "case_disclosure")
class Disclosure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "case_id", nullable = false)
    long caseId;

    @Column(name = "sought_party_id", nullable = false)
    long soughtPartyId;

    @Column(name = "enquirer_party_id", nullable = false)
    long enquirerPartyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    DisclosureKind kind = DisclosureKind.MESSAGE;

    @Column(length = 1000)
    @Nullable
    String note;

    @Column(name = "recorded_by", nullable = false)
    long recordedBy;

    @Column(name = "recorded_at", nullable = false)
    Instant recordedAt = Instant.EPOCH;

    protected Disclosure() {}

    Disclosure(
            long caseId,
            long soughtPartyId,
            long enquirerPartyId,
            DisclosureKind kind,
            @Nullable String note,
            long recordedBy,
            Instant recordedAt) {
        this.caseId = caseId;
        this.soughtPartyId = soughtPartyId;
        this.enquirerPartyId = enquirerPartyId;
        this.kind = kind;
        this.note = note;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }
}
