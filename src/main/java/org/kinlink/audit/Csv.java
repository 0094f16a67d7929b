package org.kinlink.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * CSV cells and lines (RFC 4180) that a spreadsheet never runs as a formula (I1): a value that
 * starts with {@code = + - @}, a tab or a carriage return (also after leading spaces) gets a
 * leading apostrophe, and every value with a separator, quote, line break or such prefix is quoted,
 * inner quotes doubled. A semicolon counts as a separator too: spreadsheets in many locales split
 * CSV at semicolons, and an unquoted {@code a;=cmd} would start a new cell with a formula there
 * (found in review).
 */
public final class Csv {

    private Csv() {}

    /**
     * Whether a spreadsheet could read the text as a formula: it starts with {@code = + - @}, a tab
     * or a carriage return, also after leading spaces.
     */
    public static boolean formulaLike(String text) {
        String start = text.stripLeading();
        return !text.isEmpty()
                && ("=+-@\t\r".indexOf(text.charAt(0)) >= 0
                        || (!start.isEmpty() && "=+-@".indexOf(start.charAt(0)) >= 0));
    }

    /**
     * The text with a leading apostrophe when it is {@link #formulaLike formula-like}, unquoted: for
     * other spreadsheet formats (XLSX text cells) that apply the same rule.
     */
    public static String neutralised(String text) {
        return formulaLike(text) ? "'" + text : text;
    }

    public static String cell(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        boolean formula = formulaLike(text);
        if (formula) {
            text = "'" + text;
        }
        if (formula
                || text.indexOf(',') >= 0
                || text.indexOf(';') >= 0
                || text.indexOf('"') >= 0
                || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** One record, cells separated by commas, ended by CRLF. */
    public static String line(List<? extends @Nullable Object> values) {
        var line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(values.get(i)));
        }
        return line.append("\r\n").toString();
    }
}
