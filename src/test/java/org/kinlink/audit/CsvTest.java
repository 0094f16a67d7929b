package org.kinlink.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** I1: CSV exports are escaped against formula injection and follow RFC 4180. */
class CsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"})
    void I1_a_value_a_spreadsheet_would_run_as_a_formula_is_prefixed_with_an_apostrophe_and_quoted(String value) {
        String cell = Csv.cell(value);

        assertThat(cell).startsWith("\"'").endsWith("\"");
        assertThat(unquote(cell)).isEqualTo("'" + value);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"plain|plain", "KL-2026-000001|KL-2026-000001", "a=b|a=b", "12|12", "مریم|مریم"})
    void I1_an_ordinary_value_is_left_as_it_is(String value, String expected) {
        assertThat(Csv.cell(value)).isEqualTo(expected);
    }

    @Test
    void I1_a_semicolon_is_quoted_so_that_semicolon_locales_do_not_start_a_formula_cell() {
        assertThat(Csv.cell("note;=HYPERLINK(\"http://evil\")")).isEqualTo("\"note;=HYPERLINK(\"\"http://evil\"\")\"");
    }

    @Test
    void I1_a_formula_after_leading_spaces_is_prefixed_too() {
        assertThat(Csv.cell("  =1+1")).isEqualTo("\"'  =1+1\"");
    }

    @Test
    void I1_separators_quotes_and_line_breaks_are_quoted_per_RFC_4180() {
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.cell(null)).isEmpty();
        assertThat(Csv.cell("")).isEmpty();
    }

    @Test
    void I1_a_line_joins_escaped_cells_with_commas_and_ends_with_CRLF() {
        assertThat(Csv.line(Arrays.asList(1L, null, "=1+1", "x,y"))).isEqualTo("1,,\"'=1+1\",\"x,y\"\r\n");
    }

    private static String unquote(String cell) {
        return cell.substring(1, cell.length() - 1).replace("\"\"", "\"");
    }
}
