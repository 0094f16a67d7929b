package org.kinlink.reporting;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.kinlink.audit.Csv;
import org.kinlink.documents.TablePdf;

/**
 * Writes a report row by row in one format; nothing is collected. {@link #finish} completes the
 * file; {@link #close} always frees what the writer holds (temporary files), finished or not.
 */
abstract class ReportWriter implements Closeable {

    /** Rows SXSSF keeps in memory before it flushes them to its temporary file. */
    static final int XLSX_WINDOW = 200;

    abstract void row(List<? extends @Nullable Object> cells) throws IOException;

    /** Pushes what was written so far towards the client, where the format allows it. */
    void flush() throws IOException {}

    abstract void finish() throws IOException;

    @Override
    public void close() throws IOException {}

    static ReportWriter open(
            ReportFormat format, OutputStream out, String title, ReportKind kind, List<String> headers, boolean rtl)
            throws IOException {
        return switch (format) {
            case CSV -> new CsvWriter(out, headers);
            case XLSX -> new XlsxWriter(out, title, kind, headers);
            case PDF -> new PdfWriter(TablePdf.start(out, title, headers, kind.pdfWeights(), rtl));
        };
    }

    /** RFC 4180 with the formula rule of {@link Csv}; a byte-order mark so spreadsheets read UTF-8. */
    static final class CsvWriter extends ReportWriter {

        private final Writer writer;

        CsvWriter(OutputStream out, List<String> headers) throws IOException {
            this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            writer.write(Csv.line(headers));
        }

        @Override
        void row(List<? extends @Nullable Object> cells) throws IOException {
            writer.write(Csv.line(cells));
        }

        @Override
        void flush() throws IOException {
            writer.flush();
        }

        @Override
        void finish() throws IOException {
            writer.flush();
        }
    }

    /**
     * XLSX through POI's streaming SXSSF: only a window of rows stays in memory, the rest goes to a
     * temporary file. User data is written as text cells, with the same apostrophe rule as CSV
     * ({@link Csv#neutralised}); numeric columns of the aggregates are numbers.
     */
    static final class XlsxWriter extends ReportWriter {

        private final OutputStream out;
        private final ReportKind kind;
        private final SXSSFWorkbook workbook;
        final SXSSFSheet sheet;
        private int next;

        XlsxWriter(OutputStream out, String title, ReportKind kind, List<String> headers) {
            this.out = out;
            this.kind = kind;
            this.workbook = new SXSSFWorkbook(XLSX_WINDOW);
            workbook.setCompressTempFiles(true);
            String name = org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(title);
            this.sheet = workbook.createSheet(name);
            var header = sheet.createRow(next++);
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(Csv.neutralised(headers.get(i)));
            }
        }

        @Override
        void row(List<? extends @Nullable Object> cells) {
            var row = sheet.createRow(next++);
            for (int i = 0; i < cells.size(); i++) {
                Object value = cells.get(i);
                if (value == null) {
                    continue;
                }
                if (value instanceof Number number && kind.numeric(i)) {
                    row.createCell(i).setCellValue(number.doubleValue());
                } else {
                    row.createCell(i).setCellValue(Csv.neutralised(value.toString()));
                }
            }
        }

        @Override
        void finish() throws IOException {
            workbook.write(out);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            workbook.close(); // also deletes the temporary files (POI 5)
        }
    }

    static final class PdfWriter extends ReportWriter {

        private final TablePdf pdf;

        PdfWriter(TablePdf pdf) {
            this.pdf = pdf;
        }

        @Override
        void row(List<? extends @Nullable Object> cells) throws IOException {
            pdf.row(cells);
        }

        @Override
        void finish() throws IOException {
            pdf.finish();
        }

        @Override
        public void close() throws IOException {
            pdf.close();
        }
    }
}
