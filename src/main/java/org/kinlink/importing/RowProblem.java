package org.kinlink.importing;

import java.util.List;

/**
 * One problem of one row: an error keeps the row from being imported, a warning does not. The
 * message is a translation key with its arguments.
 */
public record RowProblem(ImportField field, boolean error, String messageKey, List<String> arguments) {

    public RowProblem {
        arguments = List.copyOf(arguments);
    }

    static RowProblem error(ImportField field, String key, String... arguments) {
        return new RowProblem(field, true, key, List.of(arguments));
    }

    static RowProblem warning(ImportField field, String key, String... arguments) {
        return new RowProblem(field, false, key, List.of(arguments));
    }
}
