package org.kinlink.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A person's part in a case; the person is referenced by id (module boundary), not by association. */
@Entity
@Table(name = "case_party")
class Party {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private long caseId;

    @Column(name = "person_id", nullable = false)
    long personId;

    @Enumerated(EnumType.STRING)
    @Column(name = "party_role", nullable = false, length = 16)
    PartyRole role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    Relationship relationship;

    @Column(name = "added_at", nullable = false, updatable = false)
    private Instant addedAt;

    @Version
    private long version;

    protected Party() {
        this.role = PartyRole.OTHER;
        this.relationship = Relationship.NOT_RELATED;
        this.addedAt = Instant.EPOCH;
    }

    Party(long caseId, long personId, PartyRole role, Relationship relationship, Instant addedAt) {
        this.caseId = caseId;
        this.personId = personId;
        this.role = role;
        this.relationship = relationship;
        this.addedAt = addedAt;
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("not saved yet");
        }
        return id;
    }

    long caseId() {
        return caseId;
    }

    Instant addedAt() {
        return addedAt;
    }

    long version() {
        return version;
    }
}
