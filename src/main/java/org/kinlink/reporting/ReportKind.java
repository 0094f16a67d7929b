package org.kinlink.reporting;

import java.util.List;

/**
 * The reports, each with its columns (translation keys {@code reports.column.<key>}) and whether a
 * column holds numbers. Only {@link #CASE_LIST} has one row per case (and names); the others are
 * aggregates.
 */
public enum ReportKind {
    CASES_PER_MONTH("month", "team", "#opened", "#closed", "#reunited"),
    TIME_IN_STATUS("team", "status", "#stays-ended", "#median-days", "#mean-days", "#currently-in"),
    LETTERS_PER_INSTITUTION("institution", "#sent", "#answered", "#answer-rate", "#median-days-to-answer"),
    CASE_LIST("reference", "team", "status", "opened", "last-change", "assignee", "enquirers", "sought");

    private final List<String> columns;

    ReportKind(String... columns) {
        this.columns = List.of(columns);
    }

    /** Column keys; a leading # marks a numeric column (stripped by {@link #columnKeys()}). */
    public List<String> columnKeys() {
        return columns.stream().map(c -> c.startsWith("#") ? c.substring(1) : c).toList();
    }

    public boolean numeric(int column) {
        return columns.get(column).startsWith("#");
    }

    /** Relative column widths in the PDF: names and titles get more room than dates and numbers. */
    public float[] pdfWeights() {
        return switch (this) {
            case CASES_PER_MONTH -> new float[] {1, 2, 1, 1, 1};
            case TIME_IN_STATUS -> new float[] {2, 1.6f, 1.2f, 1, 1, 1};
            case LETTERS_PER_INSTITUTION -> new float[] {3, 1, 1, 1, 1.4f};
            case CASE_LIST -> new float[] {1.1f, 1.1f, 1, 0.8f, 0.8f, 1.2f, 2, 2};
        };
    }

    /** The name used in file names and the audit trail. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
