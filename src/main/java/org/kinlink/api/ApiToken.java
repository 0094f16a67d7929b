package org.kinlink.api;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A personal API token: only the hash of its secret is kept; the prefix finds the row. */
@Entity
@Table(name = "api_token")
class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "user_id", nullable = false)
    long userId;

    @Column(nullable = false, length = 100)
    String name;

    @Column(name = "token_prefix", nullable = false, length = 16)
    String prefix;

    @Column(name = "token_hash", nullable = false, length = 64)
    String hash;

    @Column(name = "issued_at", nullable = false)
    Instant issuedAt;

    @Column(name = "issued_by")
    @Nullable
    Long issuedBy;

    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;

    @Column(name = "revoked_at")
    @Nullable
    Instant revokedAt;

    @Column(name = "revoked_by")
    @Nullable
    Long revokedBy;

    @Column(name = "last_used_at")
    @Nullable
    Instant lastUsedAt;

    @Version
    private long version;

    protected ApiToken() {
        this.name = "";
        this.prefix = "";
        this.hash = "";
        this.issuedAt = Instant.EPOCH;
        this.expiresAt = Instant.EPOCH;
    }

    ApiToken(
            long userId,
            String name,
            String prefix,
            String hash,
            Instant issuedAt,
            @Nullable Long issuedBy,
            Instant expiresAt) {
        this.userId = userId;
        this.name = name;
        this.prefix = prefix;
        this.hash = hash;
        this.issuedAt = issuedAt;
        this.issuedBy = issuedBy;
        this.expiresAt = expiresAt;
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("not saved yet");
        }
        return id;
    }

    long version() {
        return version;
    }

    boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
