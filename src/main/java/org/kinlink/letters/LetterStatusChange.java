package org.kinlink.letters;

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
@Table(name = "letter_status_change")
class LetterStatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "letter_id", nullable = false)
    long letterId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 16)
    @Nullable
    LetterStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 16)
    LetterStatus to = LetterStatus.DRAFT;

    @Column(length = 500)
    @Nullable
    String note;

    @Column(name = "changed_by", nullable = false)
    long changedBy;

    @Column(name = "changed_by_name", nullable = false, length = 200)
    String changedByName = "";

    @Column(name = "changed_at", nullable = false)
    Instant changedAt = Instant.EPOCH;

    protected LetterStatusChange() {}

    LetterStatusChange(
            long letterId,
            @Nullable LetterStatus from,
            LetterStatus to,
            @Nullable String note,
            long changedBy,
            String changedByName,
            Instant changedAt) {
        this.letterId = letterId;
        this.from = from;
        this.to = to;
        this.note = note;
        this.changedBy = changedBy;
        this.changedByName = changedByName;
        this.changedAt = changedAt;
    }
}
