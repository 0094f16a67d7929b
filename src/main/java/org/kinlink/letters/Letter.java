package org.kinlink.letters;

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
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "letter")
class Letter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    @Column(nullable = false, length = 20, updatable = false)
    String reference = "";

    @Column(name = "row_key", nullable = false, length = 36, columnDefinition = "CHAR(36)", updatable = false)
    String rowKey = UUID.randomUUID().toString();

    @Column(name = "institution_id", nullable = false)
    long institutionId;

    @Column(name = "their_reference", length = 100)
    @Nullable
    String theirReference;

    @Column(nullable = false, length = 300)
    String subject = "";

    @Column(name = "body_enc", columnDefinition = "MEDIUMTEXT")
    @Nullable
    String bodyEnc;

    @Column(nullable = false, length = 8)
    String language = "en";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    LetterChannel channel = LetterChannel.POST;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    LetterStatus status = LetterStatus.DRAFT;

    @Column(name = "author_id", nullable = false)
    long authorId;

    @Column(name = "author_name", nullable = false, length = 200)
    String authorName = "";

    @Column(name = "approved_by")
    @Nullable
    Long approvedBy;

    @Column(name = "approved_by_name", length = 200)
    @Nullable
    String approvedByName;

    @Column(name = "sent_on")
    @Nullable
    LocalDate sentOn;

    @Column(name = "due_on")
    @Nullable
    LocalDate dueOn;

    @Column(name = "acknowledged_on")
    @Nullable
    LocalDate acknowledgedOn;

    @Column(name = "answered_on")
    @Nullable
    LocalDate answeredOn;

    @Column(name = "answer_summary_enc", columnDefinition = "TEXT")
    @Nullable
    String answerSummaryEnc;

    @Column(name = "answer_file_id")
    @Nullable
    Long answerFileId;

    @Column(name = "pdf_file_id")
    @Nullable
    Long pdfFileId;

    @Column(name = "created_at", nullable = false)
    Instant createdAt = Instant.EPOCH;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt = Instant.EPOCH;

    protected Letter() {}

    Letter(String reference, long authorId, String authorName, Instant now) {
        this.reference = reference;
        this.authorId = authorId;
        this.authorName = authorName;
        this.createdAt = now;
        this.updatedAt = now;
    }

    long id() {
        return id == null ? 0 : id;
    }

    long version() {
        return version;
    }

    /** Derived, never stored: sent, not answered, and the due date has passed. */
    boolean overdue(LocalDate today) {
        return status.awaitsAnswer() && dueOn != null && dueOn.isBefore(today);
    }
}
