package org.kinlink.documents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A letter template as stored. */
@Entity
@Table(name = "letter_template")
class LetterTemplate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    @Column(nullable = false, length = 200)
    String name = "";

    @Column(nullable = false, length = 8)
    String language = "en";

    @Column(nullable = false, length = 300)
    String subject = "";

    @Column(nullable = false, columnDefinition = "TEXT")
    String body = "";

    @Column(name = "created_by", nullable = false)
    long createdBy;

    @Column(name = "created_by_name", nullable = false, length = 200)
    String createdByName = "";

    @Column(name = "created_at", nullable = false)
    Instant createdAt = Instant.EPOCH;

    @Column(name = "updated_by", nullable = false)
    long updatedBy;

    @Column(name = "updated_by_name", nullable = false, length = 200)
    String updatedByName = "";

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt = Instant.EPOCH;

    long id() {
        if (id == null) {
            throw new IllegalStateException("template not saved yet");
        }
        return id;
    }

    long version() {
        return version;
    }
}
