package org.kinlink.cases;

import static org.kinlink.cases.CaseStatus.CLOSED;
import static org.kinlink.cases.CaseStatus.CLOSED_UNRESOLVED;
import static org.kinlink.cases.CaseStatus.CONTACT_ESTABLISHED;
import static org.kinlink.cases.CaseStatus.CONTACT_REQUESTED;
import static org.kinlink.cases.CaseStatus.DECLINED;
import static org.kinlink.cases.CaseStatus.INTAKE;
import static org.kinlink.cases.CaseStatus.LOCATED;
import static org.kinlink.cases.CaseStatus.NEW;
import static org.kinlink.cases.CaseStatus.ON_HOLD;
import static org.kinlink.cases.CaseStatus.REUNITED;
import static org.kinlink.cases.CaseStatus.TRACING;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kinlink.Roles;

/**
 * The case workflow in one table: which transition exists, which roles may take it, and what must
 * be true first. ON_HOLD is entered from any active state and left back to the state it came from.
 */
public final class CaseWorkflow {

    /** A precondition on the case's consent records. */
    public enum Requirement {
        NONE,
        /** A sought person has agreed to contact (AGREED_TO_CONTACT). */
        SOUGHT_AGREED_TO_CONTACT,
        /** A sought person has refused or withdrawn. */
        SOUGHT_REFUSED
    }

    public record Transition(CaseStatus from, CaseStatus to, Set<String> roles, Requirement requirement) {}

    private static final Set<String> CASEWORKERS = Set.of(Roles.CASEWORKER);
    private static final List<Transition> TABLE = build();

    private CaseWorkflow() {}

    private static List<Transition> build() {
        var t = new ArrayList<Transition>();
        t.add(new Transition(NEW, INTAKE, CASEWORKERS, Requirement.NONE));
        t.add(new Transition(INTAKE, TRACING, CASEWORKERS, Requirement.NONE));
        t.add(new Transition(TRACING, LOCATED, CASEWORKERS, Requirement.NONE));
        t.add(new Transition(LOCATED, CONTACT_REQUESTED, CASEWORKERS, Requirement.NONE));
        t.add(new Transition(
                CONTACT_REQUESTED, CONTACT_ESTABLISHED, CASEWORKERS, Requirement.SOUGHT_AGREED_TO_CONTACT));
        t.add(new Transition(CONTACT_ESTABLISHED, REUNITED, CASEWORKERS, Requirement.NONE));
        t.add(new Transition(REUNITED, CLOSED, CASEWORKERS, Requirement.NONE));
        t.add(new Transition(CONTACT_ESTABLISHED, CLOSED, CASEWORKERS, Requirement.NONE));
        for (CaseStatus from : List.of(LOCATED, CONTACT_REQUESTED)) {
            t.add(new Transition(from, DECLINED, CASEWORKERS, Requirement.SOUGHT_REFUSED));
        }
        for (CaseStatus from : CaseStatus.values()) {
            if (from.isActive()) {
                t.add(new Transition(from, ON_HOLD, CASEWORKERS, Requirement.NONE));
            }
            if (from.isOpen()) {
                t.add(new Transition(from, CLOSED_UNRESOLVED, CASEWORKERS, Requirement.NONE));
            }
        }
        // leaving ON_HOLD: back to the state it was entered from (checked against the case)
        for (CaseStatus to : CaseStatus.values()) {
            if (to.isActive()) {
                // the sought person may have withdrawn while the case was on hold
                t.add(new Transition(
                        ON_HOLD,
                        to,
                        CASEWORKERS,
                        to == CONTACT_ESTABLISHED ? Requirement.SOUGHT_AGREED_TO_CONTACT : Requirement.NONE));
            }
        }
        // reopening goes back to tracing
        for (CaseStatus from : List.of(CLOSED, CLOSED_UNRESOLVED, DECLINED)) {
            t.add(new Transition(from, TRACING, CASEWORKERS, Requirement.NONE));
        }
        return List.copyOf(t);
    }

    public static List<Transition> table() {
        return TABLE;
    }

    /**
     * The transitions a user with these roles may take from the case's status ({@code
     * statusBeforeHold}: where an ON_HOLD case came from, the only state it may return to).
     */
    public static List<Transition> allowed(
            CaseStatus status, @Nullable CaseStatus statusBeforeHold, Collection<String> roles) {
        return TABLE.stream()
                .filter(t -> t.from() == status)
                .filter(t -> status != ON_HOLD || !t.to().isActive() || t.to() == statusBeforeHold)
                .filter(t -> t.roles().stream().anyMatch(roles::contains))
                .toList();
    }

    public static @Nullable Transition find(
            CaseStatus from, CaseStatus to, @Nullable CaseStatus statusBeforeHold, Collection<String> roles) {
        return allowed(from, statusBeforeHold, roles).stream()
                .filter(t -> t.to() == to)
                .findFirst()
                .orElse(null);
    }

    /** States from which a case can be put back to where it was; for documentation and tests. */
    public static Set<CaseStatus> holdable() {
        var states = EnumSet.noneOf(CaseStatus.class);
        TABLE.stream().filter(t -> t.to() == ON_HOLD).forEach(t -> states.add(t.from()));
        return states;
    }
}
