package org.kinlink.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kinlink.cases.CaseStatus.*;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kinlink.Roles;

/** Every transition of the case workflow, allowed and forbidden, against the specification. */
class CaseWorkflowTest {

    private static final Set<String> CASEWORKER = Set.of(Roles.CASEWORKER);

    /** The specification, written out by hand: from -> to (ON_HOLD's return is tested separately). */
    private static final Set<String> ALLOWED = Set.of(
            "NEW>INTAKE",
            "INTAKE>TRACING",
            "TRACING>LOCATED",
            "LOCATED>CONTACT_REQUESTED",
            "CONTACT_REQUESTED>CONTACT_ESTABLISHED",
            "CONTACT_ESTABLISHED>REUNITED",
            "REUNITED>CLOSED",
            "CONTACT_ESTABLISHED>CLOSED",
            "LOCATED>DECLINED",
            "CONTACT_REQUESTED>DECLINED",
            "NEW>ON_HOLD",
            "INTAKE>ON_HOLD",
            "TRACING>ON_HOLD",
            "LOCATED>ON_HOLD",
            "CONTACT_REQUESTED>ON_HOLD",
            "CONTACT_ESTABLISHED>ON_HOLD",
            "REUNITED>ON_HOLD",
            "NEW>CLOSED_UNRESOLVED",
            "INTAKE>CLOSED_UNRESOLVED",
            "TRACING>CLOSED_UNRESOLVED",
            "LOCATED>CLOSED_UNRESOLVED",
            "CONTACT_REQUESTED>CLOSED_UNRESOLVED",
            "CONTACT_ESTABLISHED>CLOSED_UNRESOLVED",
            "REUNITED>CLOSED_UNRESOLVED",
            "ON_HOLD>CLOSED_UNRESOLVED",
            "CLOSED>TRACING",
            "CLOSED_UNRESOLVED>TRACING",
            "DECLINED>TRACING");

    @Test
    void a_caseworker_may_take_exactly_the_specified_transitions_outside_on_hold() {
        var allowed = new HashSet<String>();
        for (CaseStatus from : CaseStatus.values()) {
            if (from == ON_HOLD) {
                // leaving ON_HOLD depends on where the case came from; only the way out to closing here
                CaseWorkflow.allowed(from, null, CASEWORKER).forEach(t -> allowed.add(from + ">" + t.to()));
                continue;
            }
            CaseWorkflow.allowed(from, null, CASEWORKER).forEach(t -> allowed.add(from + ">" + t.to()));
        }
        assertThat(allowed).containsExactlyInAnyOrderElementsOf(ALLOWED);
    }

    @Test
    void every_transition_not_in_the_specification_is_refused() {
        for (CaseStatus from : CaseStatus.values()) {
            for (CaseStatus to : CaseStatus.values()) {
                boolean specified = ALLOWED.contains(from + ">" + to);
                if (from == ON_HOLD) {
                    continue;
                }
                assertThat(CaseWorkflow.find(from, to, null, CASEWORKER) != null)
                        .as(from + " -> " + to)
                        .isEqualTo(specified);
            }
        }
    }

    @Test
    void on_hold_returns_only_to_the_state_it_was_entered_from() {
        for (CaseStatus before :
                EnumSet.of(NEW, INTAKE, TRACING, LOCATED, CONTACT_REQUESTED, CONTACT_ESTABLISHED, REUNITED)) {
            List<CaseStatus> targets = CaseWorkflow.allowed(ON_HOLD, before, CASEWORKER).stream()
                    .map(CaseWorkflow.Transition::to)
                    .toList();
            assertThat(targets).containsExactlyInAnyOrder(before, CLOSED_UNRESOLVED);
        }
    }

    @Test
    void roles_other_than_caseworker_take_no_transition() {
        for (String role : List.of(Roles.COORDINATOR, Roles.AUDITOR, Roles.ADMIN)) {
            for (CaseStatus from : CaseStatus.values()) {
                assertThat(CaseWorkflow.allowed(from, TRACING, Set.of(role)))
                        .as(role + " from " + from)
                        .isEmpty();
            }
        }
    }

    @Test
    void contact_established_requires_the_sought_persons_agreement_to_contact() {
        var transition = CaseWorkflow.find(CONTACT_REQUESTED, CONTACT_ESTABLISHED, null, CASEWORKER);
        assertThat(transition).isNotNull();
        assertThat(transition.requirement()).isEqualTo(CaseWorkflow.Requirement.SOUGHT_AGREED_TO_CONTACT);
    }

    @Test
    void declined_requires_a_refusal() {
        assertThat(CaseWorkflow.find(LOCATED, DECLINED, null, CASEWORKER).requirement())
                .isEqualTo(CaseWorkflow.Requirement.SOUGHT_REFUSED);
    }

    @Test
    void only_agreement_to_contact_allows_contact_details_and_messages_only_allows_messages() {
        for (DisclosureDecision decision : DisclosureDecision.values()) {
            assertThat(decision.allowsContactDetails())
                    .as(decision.name())
                    .isEqualTo(decision == DisclosureDecision.AGREED_TO_CONTACT);
            assertThat(decision.allowsMessages())
                    .as(decision.name())
                    .isEqualTo(decision == DisclosureDecision.AGREED_TO_CONTACT
                            || decision == DisclosureDecision.AGREED_TO_MESSAGES_ONLY);
        }
    }
}
