package org.kinlink.access;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kinlink.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Names of users and teams for display (who is assigned, which team owns a case). */
@Service
@PreAuthorize("isAuthenticated()")
public class UserDirectory {

    private final UserAccountRepository users;
    private final TeamRepository teams;

    UserDirectory(UserAccountRepository users, TeamRepository teams) {
        this.users = users;
        this.teams = teams;
    }

    @Transactional(readOnly = true)
    public Map<Long, String> userNames(Collection<Long> ids) {
        return users.findAllById(ids).stream().collect(Collectors.toMap(UserAccount::id, UserAccount::displayName));
    }

    @Transactional(readOnly = true)
    public Map<Long, String> teamNames() {
        return teams.findAll().stream().collect(Collectors.toMap(Team::id, Team::name));
    }

    /** Active caseworkers of a team, who can be assigned its cases. */
    @Transactional(readOnly = true)
    public List<UserRef> caseworkersOf(long teamId) {
        return users.findAll().stream()
                .filter(u -> u.enabled()
                        && u.roles().contains(Roles.CASEWORKER)
                        && u.teamIds().contains(teamId))
                .map(u -> new UserRef(u.id(), u.displayName()))
                .sorted(java.util.Comparator.comparing(UserRef::name))
                .toList();
    }

    public record UserRef(long id, String name) {}
}
