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

@Entity
@Table(name = "case_file")
class CaseFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, length = 20, updatable = false)
    private String reference;

    @Column(nullable = false, length = 200)
    String title;

    @Column(columnDefinition = "TEXT")
    @Nullable
    String summary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    Priority priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    CaseStatus status = CaseStatus.NEW;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_before_hold", length = 32)
    @Nullable
    CaseStatus statusBeforeHold;

    @Column(name = "team_id", nullable = false)
    long teamId;

    @Column(name = "assignee_id")
    @Nullable
    Long assigneeId;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "closed_at")
    @Nullable
    Instant closedAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    private long version;

    protected CaseFile() {
        this.reference = "";
        this.title = "";
        this.priority = Priority.NORMAL;
        this.openedAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    CaseFile(String reference, String title, Priority priority, long teamId, Instant openedAt) {
        this.reference = reference;
        this.title = title;
        this.priority = priority;
        this.teamId = teamId;
        this.openedAt = openedAt;
        this.updatedAt = openedAt;
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("not saved yet");
        }
        return id;
    }

    String reference() {
        return reference;
    }

    Instant openedAt() {
        return openedAt;
    }

    long version() {
        return version;
    }
}
