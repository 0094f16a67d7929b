package org.kinlink.letters;

import static org.kinlink.letters.LetterStatus.ACKNOWLEDGED;
import static org.kinlink.letters.LetterStatus.ANSWERED;
import static org.kinlink.letters.LetterStatus.APPROVED;
import static org.kinlink.letters.LetterStatus.CLOSED;
import static org.kinlink.letters.LetterStatus.DRAFT;
import static org.kinlink.letters.LetterStatus.SENT;
import static org.kinlink.letters.LetterStatus.WITHDRAWN;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kinlink.Roles;

/**
 * The letter workflow in one table: which step exists, which roles may take it, and what else must
 * hold. A letter can be withdrawn until it is answered; a caseworker may withdraw only a draft of
 * their own. Only drafts can be edited.
 */
public final class LetterWorkflow {

    /** A rule beyond the role. */
    public enum Rule {
        NONE,
        /** Approval by a coordinator other than the author. */
        NOT_THE_AUTHOR,
        /** Coordinators, or the caseworker who wrote the draft. */
        AUTHOR_OR_COORDINATOR,
        /** The step carries data (sent date, acknowledgement, answer) and has its own service method. */
        WITH_DATA
    }

    public record Transition(LetterStatus from, LetterStatus to, Set<String> roles, Rule rule) {}

    private static final Set<String> COORDINATORS = Set.of(Roles.COORDINATOR);
    private static final Set<String> BOTH = Set.of(Roles.COORDINATOR, Roles.CASEWORKER);

    private static final List<Transition> TABLE = List.of(
            new Transition(DRAFT, APPROVED, COORDINATORS, Rule.NOT_THE_AUTHOR),
            new Transition(APPROVED, DRAFT, COORDINATORS, Rule.NONE),
            new Transition(APPROVED, SENT, COORDINATORS, Rule.WITH_DATA),
            new Transition(SENT, ACKNOWLEDGED, COORDINATORS, Rule.WITH_DATA),
            new Transition(SENT, ANSWERED, COORDINATORS, Rule.WITH_DATA),
            new Transition(ACKNOWLEDGED, ANSWERED, COORDINATORS, Rule.WITH_DATA),
            new Transition(ANSWERED, CLOSED, COORDINATORS, Rule.NONE),
            new Transition(DRAFT, WITHDRAWN, BOTH, Rule.AUTHOR_OR_COORDINATOR),
            new Transition(APPROVED, WITHDRAWN, COORDINATORS, Rule.NONE),
            new Transition(SENT, WITHDRAWN, COORDINATORS, Rule.NONE),
            new Transition(ACKNOWLEDGED, WITHDRAWN, COORDINATORS, Rule.NONE));

    private LetterWorkflow() {}

    public static List<Transition> table() {
        return TABLE;
    }

    public static @Nullable Transition find(LetterStatus from, LetterStatus to) {
        return TABLE.stream()
                .filter(t -> t.from() == from && t.to() == to)
                .findFirst()
                .orElse(null);
    }

    /** The steps a user with these roles may take from {@code status} on a letter (author or not). */
    public static List<LetterStatus> allowed(LetterStatus status, Collection<String> roles, boolean isAuthor) {
        return TABLE.stream()
                .filter(t -> t.from() == status)
                .filter(t -> t.roles().stream().anyMatch(roles::contains))
                .filter(t -> permitted(t, roles, isAuthor))
                .map(Transition::to)
                .toList();
    }

    static boolean permitted(Transition t, Collection<String> roles, boolean isAuthor) {
        return switch (t.rule()) {
            case NOT_THE_AUTHOR -> !isAuthor;
            case AUTHOR_OR_COORDINATOR -> roles.contains(Roles.COORDINATOR) || isAuthor;
            case NONE, WITH_DATA -> true;
        };
    }
}
