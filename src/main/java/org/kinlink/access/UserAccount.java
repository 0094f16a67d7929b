package org.kinlink.access;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "app_user")
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "preferred_locale", length = 16)
    private @Nullable String preferredLocale;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "password_changed_at")
    private @Nullable Instant passwordChangedAt;

    @Column(name = "last_sign_in_at")
    private @Nullable Instant lastSignInAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false, length = 32)
    private Set<String> roles = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "team_membership", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "team_id", nullable = false)
    private Set<Long> teamIds = new HashSet<>();

    @Version
    private long version;

    protected UserAccount() {
        this.username = "";
        this.displayName = "";
        this.passwordHash = "";
        this.createdAt = Instant.EPOCH;
    }

    UserAccount(String username, String displayName, String passwordHash, Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("not saved yet");
        }
        return id;
    }

    String username() {
        return username;
    }

    String displayName() {
        return displayName;
    }

    void rename(String displayName) {
        this.displayName = displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash, boolean mustChange, Instant at) {
        this.passwordHash = passwordHash;
        this.mustChangePassword = mustChange;
        this.passwordChangedAt = at;
    }

    /** A rehash with stronger parameters: same password, so nothing else changes. */
    void upgradePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    boolean enabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    @Nullable
    String preferredLocale() {
        return preferredLocale;
    }

    void setPreferredLocale(@Nullable String preferredLocale) {
        this.preferredLocale = preferredLocale;
    }

    Instant createdAt() {
        return createdAt;
    }

    @Nullable
    Instant lastSignInAt() {
        return lastSignInAt;
    }

    void signedIn(Instant at) {
        this.lastSignInAt = at;
    }

    Set<String> roles() {
        return roles;
    }

    void setRoles(Set<String> roles) {
        this.roles.clear();
        this.roles.addAll(roles);
    }

    Set<Long> teamIds() {
        return teamIds;
    }

    void setTeamIds(Set<Long> teamIds) {
        this.teamIds.clear();
        this.teamIds.addAll(teamIds);
    }

    long version() {
        return version;
    }
}
