package org.kinlink.access;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kinlink.Roles;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one place that decides who may do what with cases and the people in them: role, then team.
 * Caseworkers act on their own teams' records only; coordinators see every case's summary (to
 * write letters about it) but no personal data beyond party names; auditors and administrators see
 * no case content. Services call it for every operation and scope their queries with {@link
 * #visibility}; a refusal is recorded in the audit trail. Any doubt fails closed.
 */
@Component
public class AccessPolicy {

    /** How far a role reaches for an action: its own teams' records, or every record. */
    public enum Scope {
        OWN_TEAMS,
        ANY
    }

    /** role x action x scope; an action or role not listed is denied. */
    private static final Map<CaseAction, Map<String, Scope>> RULES = Map.ofEntries(
            Map.entry(
                    CaseAction.SEE_CASE_SUMMARY,
                    Map.of(Roles.CASEWORKER, Scope.OWN_TEAMS, Roles.COORDINATOR, Scope.ANY)),
            Map.entry(CaseAction.READ_CASE, Map.of(Roles.CASEWORKER, Scope.OWN_TEAMS)),
            Map.entry(CaseAction.CREATE_CASE, Map.of(Roles.CASEWORKER, Scope.OWN_TEAMS)),
            Map.entry(CaseAction.EDIT_CASE, Map.of(Roles.CASEWORKER, Scope.OWN_TEAMS)),
            Map.entry(CaseAction.CHANGE_CASE_STATUS, Map.of(Roles.CASEWORKER, Scope.OWN_TEAMS)),
            Map.entry(CaseAction.RECORD_CONSENT, Map.of(Roles.CASEWORKER, Scope.OWN_TEAMS)),
            Map.entry(CaseAction.READ_PERSON, Map.of(Roles.CASEWORKER, Scope.OWN_TEAMS)),
            Map.entry(CaseAction.REGISTER_PERSON, Map.of(Roles.CASEWORKER, Scope.OWN_TEAMS)),
            Map.entry(CaseAction.EDIT_PERSON, Map.of(Roles.CASEWORKER, Scope.OWN_TEAMS)),
            Map.entry(CaseAction.REVEAL_PERSON_FIELD, Map.of(Roles.CASEWORKER, Scope.OWN_TEAMS)),
            Map.entry(CaseAction.MERGE_PERSONS, Map.of(Roles.CASEWORKER, Scope.OWN_TEAMS)),
            Map.entry(CaseAction.SEE_LETTER, Map.of(Roles.CASEWORKER, Scope.OWN_TEAMS, Roles.COORDINATOR, Scope.ANY)),
            Map.entry(
                    CaseAction.DRAFT_LETTER, Map.of(Roles.CASEWORKER, Scope.OWN_TEAMS, Roles.COORDINATOR, Scope.ANY)));

    /** Which records of a kind a user may see: all, those of some teams, or none. */
    public record Visibility(boolean all, Set<Long> teamIds) {

        public static final Visibility NONE = new Visibility(false, Set.of());

        public boolean none() {
            return !all && teamIds.isEmpty();
        }

        public boolean includes(long teamId) {
            return all || teamIds.contains(teamId);
        }
    }

    private final CurrentUser currentUser;
    private final UserAccountRepository accounts;
    private final AuditTrail audit;

    AccessPolicy(CurrentUser currentUser, UserAccountRepository accounts, AuditTrail audit) {
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Whether the signed-in user may take the action on a record owned by {@code teamId}. */
    public boolean permits(CaseAction action, long teamId) {
        try {
            return visibility(action).includes(teamId);
        } catch (RuntimeException e) {
            return false; // fail closed
        }
    }

    /** The records the signed-in user may take the action on, for scoping queries. */
    public Visibility visibility(CaseAction action) {
        KinlinkUser user = currentUser.get().orElse(null);
        Map<String, Scope> byRole = RULES.getOrDefault(action, Map.of());
        if (user == null) {
            return Visibility.NONE;
        }
        // roles and teams as they are now, not as they were at sign-in: a user moved to another
        // team, stripped of a role or disabled loses access at once
        UserAccount account = accounts.findById(user.id()).orElse(null);
        if (account == null || !account.enabled()) {
            return Visibility.NONE;
        }
        boolean ownTeams = false;
        for (String role : account.roles()) {
            Scope scope = byRole.get(role);
            if (scope == Scope.ANY) {
                return new Visibility(true, Set.of());
            }
            ownTeams |= scope == Scope.OWN_TEAMS;
        }
        return ownTeams ? new Visibility(false, Set.copyOf(account.teamIds())) : Visibility.NONE;
    }

    /**
     * Throws (after recording the refusal) unless the user may take the action on a record of
     * {@code teamId}. {@code objectType}/{@code objectId} name the record in the audit event.
     */
    public void require(CaseAction action, long teamId, String objectType, @Nullable Object objectId) {
        if (!permits(action, teamId)) {
            deny(action, objectType, objectId);
        }
    }

    /** Records a refusal and throws {@link AccessDeniedException}. */
    public AccessDeniedException deny(CaseAction action, String objectType, @Nullable Object objectId) {
        audit.recordIndependently(
                AuditEntry.denied("ACCESS_DENIED", objectType, objectId).because(action.name()));
        throw new AccessDeniedException("Not permitted: " + action);
    }

    /** The policy table itself, for the authorisation matrix test and documentation. */
    public static Map<CaseAction, Map<String, Scope>> rules() {
        return RULES;
    }
}
