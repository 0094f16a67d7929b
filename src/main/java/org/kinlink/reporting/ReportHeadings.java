package org.kinlink.reporting;

import java.util.List;
import java.util.function.Function;

/**
 * What an export shows in the user's language: the title, the column headers, a translation for
 * values such as statuses ({@code label}), and whether the PDF reads right to left.
 */
public record ReportHeadings(String title, List<String> columns, Function<String, String> label, boolean rtl) {}
