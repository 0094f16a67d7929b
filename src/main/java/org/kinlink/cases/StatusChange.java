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
@Table(name = "case_status_change")
class StatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "case_id", nullable = false)
    long caseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 32)
    @Nullable
    CaseStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 32)
    CaseStatus to = CaseStatus.NEW;

    @Column(nullable = false, length = 1000)
    String reason = "";

    @Column(name = "changed_by", nullable = false)
    long changedBy;

    @Column(name = "changed_by_name", nullable = false, length = 200)
    String changedByName = "";

    @Column(name = "changed_at", nullable = false)
    Instant changedAt = Instant.EPOCH;

    protected StatusChange() {}

    StatusChange(
            long caseId, @Nullable CaseStatus from, CaseStatus to, String reason, long by, String byName, Instant at) {
        this.caseId = caseId;
        this.from = from;
        this.to = to;
        this.reason = reason;
        this.changedBy = by;
        this.changedByName = byName;
        this.changedAt = at;
    }
}
