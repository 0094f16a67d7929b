package org.kinlink.access;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kinlink.audit.AuditActor;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user: identity, roles and teams as they were at sign-in. */
public final class KinlinkUser implements UserDetails, CredentialsContainer, AuditActor {

    private final long id;
    private final String username;
    private final String displayName;
    private @Nullable String passwordHash;
    private final boolean enabled;
    private final Set<String> roles;
    private final Set<Long> teamIds;
    private final @Nullable String preferredLocale;

    KinlinkUser(UserAccount account) {
        this.id = account.id();
        this.username = account.username();
        this.displayName = account.displayName();
        this.passwordHash = account.passwordHash();
        this.enabled = account.enabled();
        this.roles = Set.copyOf(account.roles());
        this.teamIds = Set.copyOf(account.teamIds());
        this.preferredLocale = account.preferredLocale();
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Set<String> roles() {
        return roles;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public Set<Long> teamIds() {
        return teamIds;
    }

    public @Nullable Locale preferredLocale() {
        return preferredLocale == null ? null : Locale.forLanguageTag(preferredLocale);
    }

    @Override
    public long actorId() {
        return id;
    }

    @Override
    public String actorName() {
        return username;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KinlinkUser user && user.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "KinlinkUser[" + username + ", roles=" + List.copyOf(roles) + "]";
    }
}
