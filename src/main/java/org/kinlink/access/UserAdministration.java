package org.kinlink.access;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.kinlink.ConcurrentChange;
import org.kinlink.InvalidInput;
import org.kinlink.Roles;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators manage accounts and teams. They never choose a user's password: creating a user
 * or resetting a password generates a one-time password that must be changed at first sign-in.
 */
@Service
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class UserAdministration {

    private final UserAccountRepository users;
    private final TeamRepository teams;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail audit;
    private final Clock clock;
    private final UserSessions sessions;
    private final StepUp stepUp;
    private final CurrentUser currentUser;
    private final JdbcClient jdbc;

    UserAdministration(
            UserAccountRepository users,
            TeamRepository teams,
            PasswordEncoder passwordEncoder,
            AuditTrail audit,
            Clock clock,
            UserSessions sessions,
            StepUp stepUp,
            CurrentUser currentUser,
            JdbcClient jdbc) {
        this.stepUp = stepUp;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.users = users;
        this.teams = teams;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
        this.sessions = sessions;
    }

    @Transactional(readOnly = true)
    public List<UserSummary> users() {
        return users.findAll().stream()
                .sorted(Comparator.comparing(UserAccount::username))
                .map(UserAdministration::summary)
                .toList();
    }

    @Transactional(readOnly = true)
    public List<TeamSummary> teams() {
        return teams.findAll().stream()
                .map(team -> new TeamSummary(team.id(), team.name(), team.description()))
                .sorted(Comparator.comparing(TeamSummary::name))
                .toList();
    }

    @Transactional
    public OneTimePassword createUser(NewUser request) {
        String username = request.username().strip();
        if (!username.matches("[a-z][a-z0-9._-]{2,63}")) {
            throw new InvalidInput("username", "user.username-invalid");
        }
        if (users.existsByUsername(username)) {
            throw new InvalidInput("username", "user.username-taken");
        }
        String displayName = displayName(request.displayName());
        checkRolesAndTeams(request.roles(), request.teamIds());
        String password = Passwords.random();
        var account = new UserAccount(username, displayName, passwordEncoder.encode(password), clock.instant());
        account.setPasswordHash(account.passwordHash(), true, clock.instant());
        account.setRoles(request.roles());
        account.setTeamIds(request.teamIds());
        users.save(account);
        audit.record(AuditEntry.success("USER_CREATED", "USER", account.id())
                .because("roles " + sorted(request.roles()) + ", teams " + sorted(request.teamIds())));
        return new OneTimePassword(username, password);
    }

    /** Changes name, roles and teams; a change of roles or teams needs a recent step-up (S4). */
    @Transactional
    public UserSummary updateUser(UserChanges changes) {
        UserAccount account = load(changes.id(), changes.version());
        checkRolesAndTeams(changes.roles(), changes.teamIds());
        Set<String> oldRoles = Set.copyOf(account.roles());
        Set<Long> oldTeams = Set.copyOf(account.teamIds());
        if (!oldRoles.equals(changes.roles()) || !oldTeams.equals(changes.teamIds())) {
            stepUp.require(StepUp.USER_ROLES);
        }
        account.rename(displayName(changes.displayName()));
        account.setRoles(changes.roles());
        account.setTeamIds(changes.teamIds());
        users.saveAndFlush(account);
        if (!oldRoles.equals(changes.roles())) {
            audit.record(AuditEntry.success("USER_ROLES_CHANGED", "USER", account.id())
                    .because(sorted(oldRoles) + " -> " + sorted(changes.roles())));
        }
        if (!oldTeams.equals(changes.teamIds())) {
            audit.record(AuditEntry.success("USER_TEAMS_CHANGED", "USER", account.id())
                    .because(sorted(oldTeams) + " -> " + sorted(changes.teamIds())));
        }
        audit.record(AuditEntry.success("USER_UPDATED", "USER", account.id()));
        if (!oldRoles.equals(changes.roles()) || !oldTeams.equals(changes.teamIds())) {
            // S3: a session keeps the roles and teams of its sign-in, so it must not outlive them
            endSessions(account.id(), "roles or teams changed");
        }
        return summary(account);
    }

    @Transactional
    public UserSummary setEnabled(long userId, long version, boolean enabled) {
        UserAccount account = load(userId, version);
        account.setEnabled(enabled);
        users.saveAndFlush(account);
        audit.record(AuditEntry.success(enabled ? "USER_ENABLED" : "USER_DISABLED", "USER", userId));
        if (!enabled) {
            endSessions(userId, "user disabled");
        }
        return summary(account);
    }

    /** Signs the user out everywhere at once (S3), for example when an account may be misused. */
    @Transactional
    public int endSessions(long userId) {
        users.findById(userId).orElseThrow(() -> new InvalidInput("user", "user.not-found"));
        return endSessions(userId, "ended by an administrator");
    }

    private int endSessions(long userId, String why) {
        int ended = sessions.end(userId);
        audit.record(
                AuditEntry.success("USER_SESSIONS_ENDED", "USER", userId).because(why + ": " + ended + " session(s)"));
        return ended;
    }

    /** A new one-time password; the user's sessions end (S3), since whoever held the old one may be signed in. */
    @Transactional
    public OneTimePassword resetPassword(long userId, long version) {
        UserAccount account = load(userId, version);
        String password = Passwords.random();
        account.setPasswordHash(passwordEncoder.encode(password), true, clock.instant());
        users.saveAndFlush(account);
        audit.record(AuditEntry.success("PASSWORD_RESET", "USER", userId));
        endSessions(userId, "password reset");
        return new OneTimePassword(account.username(), password);
    }

    /**
     * A3, A6: for a user who lost their authenticator (and recovery codes). Removes their TOTP
     * secret and recovery codes and ends their sessions; at the next sign-in they must enrol a new
     * authenticator and get new recovery codes. Needs a reason (recorded as SECOND_FACTOR_RESET)
     * and a recent step-up of the administrator (S4); nobody resets their own second factor.
     */
    @Transactional
    public UserSummary resetSecondFactor(long userId, long version, String reason) {
        UserAccount account = load(userId, version);
        if (currentUser.get().map(me -> me.id() == userId).orElse(false)) {
            throw new InvalidInput("user", "user.reset-own-second-factor");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "common.reason-required");
        }
        stepUp.require(StepUp.SECOND_FACTOR_RESET);
        int codes = jdbc.sql("DELETE FROM recovery_code WHERE user_id = ?")
                .param(userId)
                .update();
        int secrets = jdbc.sql("DELETE FROM totp_credential WHERE user_id = ?")
                .param(userId)
                .update();
        audit.record(AuditEntry.success("SECOND_FACTOR_RESET", "USER", userId)
                .because(reason.strip() + " (authenticators removed: " + secrets + ", recovery codes: " + codes + ")"));
        endSessions(userId, "second factor reset");
        return summary(account);
    }

    @Transactional
    public TeamSummary createTeam(String name, String description) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new InvalidInput("name", "team.name-invalid");
        }
        if (teams.findByName(trimmed).isPresent()) {
            throw new InvalidInput("name", "team.name-taken");
        }
        var team = teams.save(new Team(trimmed, description.isBlank() ? null : description.strip(), clock.instant()));
        audit.record(AuditEntry.success("TEAM_CREATED", "TEAM", team.id()));
        return new TeamSummary(team.id(), team.name(), team.description());
    }

    private UserAccount load(long id, long version) {
        UserAccount account = users.findById(id).orElseThrow(() -> new InvalidInput("user", "user.not-found"));
        if (account.version() != version) {
            throw new ConcurrentChange("User " + account.username());
        }
        return account;
    }

    private void checkRolesAndTeams(Set<String> roles, Set<Long> teamIds) {
        if (roles.isEmpty()) {
            throw new InvalidInput("roles", "user.roles-required");
        }
        if (!Roles.ALL.containsAll(roles)) {
            throw new InvalidInput("roles", "user.role-unknown");
        }
        if (roles.contains(Roles.CASEWORKER) && teamIds.isEmpty()) {
            throw new InvalidInput("teams", "user.caseworker-needs-team");
        }
        if (teams.findAllById(teamIds).size() != teamIds.size()) {
            throw new InvalidInput("teams", "user.team-unknown");
        }
    }

    private static String displayName(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            throw new InvalidInput("displayName", "user.display-name-invalid");
        }
        return trimmed;
    }

    private static List<String> sorted(Set<?> values) {
        return values.stream().map(String::valueOf).sorted().toList();
    }

    static UserSummary summary(UserAccount account) {
        return new UserSummary(
                account.id(),
                account.username(),
                account.displayName(),
                Set.copyOf(account.roles()),
                Set.copyOf(account.teamIds()),
                account.enabled(),
                account.mustChangePassword(),
                account.lastSignInAt(),
                account.version());
    }
}
