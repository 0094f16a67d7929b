package org.kinlink.access;

import java.util.EnumMap;
import java.util.Map;
import org.kinlink.Roles;
import org.springframework.stereotype.Component;

/**
 * Field-level access (SECURITY C4): the one table of role and relation to the record × class of
 * sensitive field → whether the value is shown, masked but revealable with a reason, or hidden.
 * The relation is {@link Relation#OWN_TEAM} for a caseworker of a team that registered the person
 * or owns a case the person is party to (the services establish that with the {@link
 * AccessPolicy} before asking); {@link Relation#COORDINATOR} for a coordinator; {@link
 * Relation#OTHER} for everyone else. A user with several roles gets the most open answer of them.
 * Anything not in the table is hidden; any doubt fails closed.
 */
@Component
public class FieldPolicy {

    /** How a caller relates to the record whose fields are asked for. */
    public enum Relation {
        OWN_TEAM,
        COORDINATOR,
        OTHER
    }

    /** What the caller gets for a field class; ordered from most closed to most open. */
    public enum Exposure {
        HIDDEN,
        REVEAL_WITH_REASON,
        SHOW
    }

    private static final Map<Relation, Map<SensitiveFieldClass, Exposure>> RULES = Map.of(
            Relation.OWN_TEAM,
            Map.of(
                    SensitiveFieldClass.CONTACT, Exposure.SHOW,
                    SensitiveFieldClass.BIRTH, Exposure.SHOW,
                    SensitiveFieldClass.NOTES, Exposure.SHOW,
                    SensitiveFieldClass.LOCATION, Exposure.REVEAL_WITH_REASON,
                    SensitiveFieldClass.IDENTITY, Exposure.REVEAL_WITH_REASON),
            Relation.COORDINATOR,
            Map.of(),
            Relation.OTHER,
            Map.of());

    private final CurrentUser currentUser;
    private final UserAccountRepository accounts;

    FieldPolicy(CurrentUser currentUser, UserAccountRepository accounts) {
        this.currentUser = currentUser;
        this.accounts = accounts;
    }

    /**
     * What the signed-in user gets for each field class of a record; {@code ownTeam} says whether
     * the record belongs to (or is party to a case of) one of the user's teams.
     */
    public Map<SensitiveFieldClass, Exposure> exposures(boolean ownTeam) {
        var result = new EnumMap<SensitiveFieldClass, Exposure>(SensitiveFieldClass.class);
        for (SensitiveFieldClass fieldClass : SensitiveFieldClass.values()) {
            result.put(fieldClass, Exposure.HIDDEN);
        }
        try {
            var user = currentUser.get().orElse(null);
            if (user == null) {
                return result;
            }
            UserAccount account = accounts.findById(user.id()).orElse(null);
            if (account == null || !account.enabled()) {
                return result;
            }
            for (String role : account.roles()) {
                Map<SensitiveFieldClass, Exposure> byClass = RULES.getOrDefault(relation(role, ownTeam), Map.of());
                byClass.forEach((fieldClass, exposure) ->
                        result.merge(fieldClass, exposure, (a, b) -> a.compareTo(b) >= 0 ? a : b));
            }
            return result;
        } catch (RuntimeException e) {
            // fail closed
            for (SensitiveFieldClass fieldClass : SensitiveFieldClass.values()) {
                result.put(fieldClass, Exposure.HIDDEN);
            }
            return result;
        }
    }

    /** The relation a holder of {@code role} has to a record. */
    static Relation relation(String role, boolean ownTeam) {
        if (Roles.CASEWORKER.equals(role) && ownTeam) {
            return Relation.OWN_TEAM;
        }
        return Roles.COORDINATOR.equals(role) ? Relation.COORDINATOR : Relation.OTHER;
    }

    /** The table itself, for tests and documentation. */
    public static Map<Relation, Map<SensitiveFieldClass, Exposure>> rules() {
        return RULES;
    }
}
