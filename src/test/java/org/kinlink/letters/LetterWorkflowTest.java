package org.kinlink.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kinlink.Roles;

/** The letter workflow table: every allowed and every refused step. */
class LetterWorkflowTest {

    private static final Set<String> COORDINATOR = Set.of(Roles.COORDINATOR);
    private static final Set<String> CASEWORKER = Set.of(Roles.CASEWORKER);

    @Test
    void exactly_these_steps_exist() {
        for (LetterStatus from : LetterStatus.values()) {
            for (LetterStatus to : LetterStatus.values()) {
                boolean expected = switch (from) {
                    case DRAFT -> to == LetterStatus.APPROVED || to == LetterStatus.WITHDRAWN;
                    case APPROVED ->
                        EnumSet.of(LetterStatus.DRAFT, LetterStatus.SENT, LetterStatus.WITHDRAWN)
                                .contains(to);
                    case SENT ->
                        EnumSet.of(LetterStatus.ACKNOWLEDGED, LetterStatus.ANSWERED, LetterStatus.WITHDRAWN)
                                .contains(to);
                    case ACKNOWLEDGED -> to == LetterStatus.ANSWERED || to == LetterStatus.WITHDRAWN;
                    case ANSWERED -> to == LetterStatus.CLOSED;
                    case CLOSED, WITHDRAWN -> false;
                };
                assertThat(LetterWorkflow.find(from, to) != null)
                        .as("%s -> %s", from, to)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void the_author_cannot_approve_but_another_coordinator_can() {
        assertThat(LetterWorkflow.allowed(LetterStatus.DRAFT, COORDINATOR, true))
                .containsExactly(LetterStatus.WITHDRAWN);
        assertThat(LetterWorkflow.allowed(LetterStatus.DRAFT, COORDINATOR, false))
                .containsExactly(LetterStatus.APPROVED, LetterStatus.WITHDRAWN);
    }

    @Test
    void caseworkers_can_only_withdraw_their_own_drafts() {
        assertThat(LetterWorkflow.allowed(LetterStatus.DRAFT, CASEWORKER, true))
                .containsExactly(LetterStatus.WITHDRAWN);
        assertThat(LetterWorkflow.allowed(LetterStatus.DRAFT, CASEWORKER, false))
                .isEmpty();
        for (LetterStatus status : EnumSet.complementOf(EnumSet.of(LetterStatus.DRAFT))) {
            assertThat(LetterWorkflow.allowed(status, CASEWORKER, true))
                    .as("%s", status)
                    .isEmpty();
        }
    }

    @Test
    void answered_closed_and_withdrawn_letters_cannot_be_withdrawn() {
        for (LetterStatus status : EnumSet.of(LetterStatus.ANSWERED, LetterStatus.CLOSED, LetterStatus.WITHDRAWN)) {
            assertThat(LetterWorkflow.find(status, LetterStatus.WITHDRAWN)).isNull();
        }
    }
}
