package org.kinlink.importing;

import java.util.List;

/** The dry-run result of one row: what it would create and its problems. */
public record RowCheck(int row, String title, String enquirer, String sought, List<RowProblem> problems) {

    public RowCheck {
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(RowProblem::error);
    }

    public boolean hasWarnings() {
        return problems.stream().anyMatch(p -> !p.error());
    }
}
