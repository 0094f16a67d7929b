package org.kinlink.importing;

import java.util.List;

/** Every row of a file checked with a mapping; nothing has been written. */
public record DryRun(List<RowCheck> rows) {

    public DryRun {
        rows = List.copyOf(rows);
    }

    public long errorRows() {
        return rows.stream().filter(RowCheck::hasErrors).count();
    }

    public long warningRows() {
        return rows.stream().filter(r -> !r.hasErrors() && r.hasWarnings()).count();
    }

    public List<Integer> rowsWithErrors() {
        return rows.stream().filter(RowCheck::hasErrors).map(RowCheck::row).toList();
    }
}
