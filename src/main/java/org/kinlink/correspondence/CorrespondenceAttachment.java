package org.kinlink.correspondence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/** A stored file attached to an entry (to all its revisions); never updated. */
@Entity
@Immutable
@Table(name = "correspondence_attachment")
class CorrespondenceAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "case_id", nullable = false)
    long caseId;

    @Column(name = "entry_key", nullable = false, length = 36, columnDefinition = "CHAR(36)")
    String entryKey = "";

    @Column(name = "stored_file_id", nullable = false)
    long storedFileId;

    @Column(name = "added_by", nullable = false)
    long addedBy;

    @Column(name = "added_by_name", nullable = false, length = 200)
    String addedByName = "";

    @Column(name = "added_at", nullable = false)
    Instant addedAt = Instant.EPOCH;

    protected CorrespondenceAttachment() {}

    CorrespondenceAttachment(long caseId, String entryKey, long storedFileId) {
        this.caseId = caseId;
        this.entryKey = entryKey;
        this.storedFileId = storedFileId;
    }
}
