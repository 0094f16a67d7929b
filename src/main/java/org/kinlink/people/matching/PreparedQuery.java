package org.kinlink.people.matching;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A query's name turned into {@link NameForm}s for every run of consecutive words, because the
 * query does not say where the given name ends and the family name begins ("Mohammad Reza
 * Hosseini" may be Mohammadreza + Hosseini or Mohammad + Reza Hosseini), nor which comes first.
 */
final class PreparedQuery {

    /** Words beyond this are ignored: no name has more, and the work grows with the square. */
    static final int MAX_WORDS = 6;

    final List<String> tokens;
    final List<NameForm> father = new ArrayList<>(1);
    final @Nullable Integer birthYear;
    private final List<List<List<NameForm>>> ranges;

    private PreparedQuery(List<String> tokens, @Nullable Integer birthYear) {
        this.tokens = tokens;
        this.birthYear = birthYear;
        int n = tokens.size();
        ranges = new ArrayList<>(n);
        for (int from = 0; from < n; from++) {
            List<List<NameForm>> byEnd = new ArrayList<>(n - from);
            for (int to = from + 1; to <= n; to++) {
                byEnd.add(NameForm.familyForms(tokens.subList(from, to), false));
            }
            ranges.add(byEnd);
        }
    }

    static PreparedQuery of(NameQuery query) {
        List<String> tokens = NameForm.tokens(query.name());
        if (tokens.size() > MAX_WORDS) {
            tokens = tokens.subList(0, MAX_WORDS);
        }
        PreparedQuery prepared = new PreparedQuery(List.copyOf(tokens), query.birthYear());
        NameForm.addIfPresent(prepared.father, NameForm.of(NameForm.tokens(query.fathersName()), false));
        return prepared;
    }

    int size() {
        return tokens.size();
    }

    /** The forms of words {@code from} (inclusive) to {@code to} (exclusive) read as one name part. */
    List<NameForm> range(int from, int to) {
        return ranges.get(from).get(to - from - 1);
    }
}
