package org.kinlink.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kinlink.Roles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures for the administrators' dashboard: how many accounts are active, disabled, without a
 * second factor or waiting for a password change, and who is signed in now (on this node: the
 * session registry is in memory). Names of accounts, never any case data.
 */
@Service
public class UserFigures {

    /** Accounts by state; {@code withoutSecondFactor} and {@code mustChangePassword} count enabled accounts only. */
    public record UserCounts(long active, long disabled, long withoutSecondFactor, long mustChangePassword) {}

    /** A signed-in user: their sessions on this node and the newest request of any of them. */
    public record ActiveUser(String username, String displayName, int sessions, Instant lastRequest) {}

    private final JdbcClient jdbc;
    private final SessionRegistry registry;

    UserFigures(JdbcClient jdbc, SessionRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    @Transactional(readOnly = true)
    public UserCounts users() {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(u.enabled), 0), COALESCE(SUM(1 - u.enabled), 0),
                          COALESCE(SUM(CASE WHEN u.enabled AND t.confirmed_at IS NULL THEN 1 ELSE 0 END), 0),
                          COALESCE(SUM(CASE WHEN u.enabled AND u.must_change_password THEN 1 ELSE 0 END), 0)
                        FROM app_user u LEFT JOIN totp_credential t ON t.user_id = u.id""")
                .query((rs, n) -> new UserCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }

    /** The users signed in now, the most recently active first. */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public List<ActiveUser> activeSessions() {
        List<ActiveUser> active = new ArrayList<>();
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof KinlinkUser user) {
                List<SessionInformation> sessions = registry.getAllSessions(principal, false);
                sessions.stream()
                        .map(s -> s.getLastRequest().toInstant())
                        .max(Comparator.naturalOrder())
                        .ifPresent(last -> active.add(
                                new ActiveUser(user.getUsername(), user.displayName(), sessions.size(), last)));
            }
        }
        active.sort(Comparator.comparing(ActiveUser::lastRequest).reversed());
        return active;
    }
}
