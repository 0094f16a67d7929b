package org.kinlink.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The format writers on their own: large tables written as they come, formula-safe, Persian in the PDF. */
class ReportWriterTest {

    private static final int ROWS = 50_000;
    private static final List<String> HEADERS = ReportKind.CASE_LIST.columnKeys();

    private static List<Object> row(int i) {
        return Arrays.asList(
                "KL-2026-" + i, "Team Amber", "TRACING", "2026-01-01", "2026-02-01", null, "Ava Test " + i, "Bita");
    }

    @Test
    void csv_reaches_the_stream_while_rows_are_still_coming() throws IOException {
        var counting = new CountingStream();
        long bytesAtHalf = 0;
        try (var writer = ReportWriter.open(ReportFormat.CSV, counting, "t", ReportKind.CASE_LIST, HEADERS, false)) {
            for (int i = 0; i < ROWS; i++) {
                writer.row(row(i));
                if (i % 1000 == 999) {
                    writer.flush();
                }
                if (i == ROWS / 2) {
                    bytesAtHalf = counting.bytes;
                }
            }
            writer.finish();
        }
        // half the rows were already sent before the other half existed
        assertThat(bytesAtHalf).isGreaterThan(counting.bytes / 3);
        assertThat(counting.lines).isEqualTo(ROWS + 1);
    }

    @Test
    void xlsx_keeps_only_a_window_of_rows_in_memory() throws IOException {
        var out = new ByteArrayOutputStream();
        try (var writer = (ReportWriter.XlsxWriter)
                ReportWriter.open(ReportFormat.XLSX, out, "Case list", ReportKind.CASE_LIST, HEADERS, false)) {
            for (int i = 0; i < ROWS; i++) {
                writer.row(row(i));
                // SXSSF has flushed all but the last window of rows to its temporary file
                assertThat(i + 1 - writer.sheet.getLastFlushedRowNum())
                        .isLessThanOrEqualTo(ReportWriter.XLSX_WINDOW + 1);
            }
            writer.finish();
        }
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(ROWS);
            assertThat(sheet.getRow(ROWS).getCell(0).getStringCellValue()).isEqualTo("KL-2026-" + (ROWS - 1));
        }
    }

    @Test
    @DisplayName("I1: formula-like text stays text with an apostrophe in XLSX; numbers of the aggregates stay numbers")
    void xlsx_cells_are_typed() throws IOException {
        var out = new ByteArrayOutputStream();
        try (var writer = ReportWriter.open(
                ReportFormat.XLSX,
                out,
                "t",
                ReportKind.CASES_PER_MONTH,
                ReportKind.CASES_PER_MONTH.columnKeys(),
                false)) {
            writer.row(Arrays.asList("2026-01", " =1+2", 3L, 0L, 1L));
            writer.row(Arrays.asList("2026-02", "@SUM(A1)", 1L, 1L, 0L));
            writer.finish();
        }
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("' =1+2");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("'@SUM(A1)");
            assertThat(sheet.getRow(1).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(3.0);
        }
    }

    @Test
    void pdf_pages_follow_the_rows_and_carry_persian_names() throws IOException {
        var out = new ByteArrayOutputStream();
        int rows = 1_500;
        try (var writer =
                ReportWriter.open(ReportFormat.PDF, out, "فهرست پرونده‌ها", ReportKind.CASE_LIST, HEADERS, true)) {
            for (int i = 0; i < rows; i++) {
                writer.row(Arrays.asList(
                        "KL-2026-" + i, "تیم", "TRACING", "2026-01-01", "2026-02-01", null, "پروین رحیمی", "Ava"));
            }
            assertThat(out.size()).isZero(); // pages are spooled to a temporary file until the end
            writer.finish();
        }
        try (var pdf = Loader.loadPDF(out.toByteArray())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(rows / 50);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("KL-2026-" + (rows - 1), "Ava");
            // the Persian name comes back in logical order: shaped, reordered and drawn with an embedded font
            assertThat(text).contains("پروین رحیمی", "فهرست پرونده");
        }
    }

    /** Counts bytes and CSV lines as they arrive. */
    private static final class CountingStream extends OutputStream {
        long bytes;
        long lines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
