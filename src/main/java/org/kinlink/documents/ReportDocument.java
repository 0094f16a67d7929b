package org.kinlink.documents;

import java.util.List;

/**
 * A plain report to render as a PDF: a title, lines under it, and sections of tables. Every text
 * is plain text (escaped when rendered); {@code rtl} lays the page out right to left.
 */
public record ReportDocument(String title, List<String> introLines, List<Section> sections, boolean rtl) {

    /** A heading with a table; {@code emptyText} stands in for a table without rows. */
    public record Section(String heading, List<String> columns, List<List<String>> rows, String emptyText) {}
}
