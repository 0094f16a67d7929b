package org.kinlink.documents;

import com.ibm.icu.text.Bidi;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;

/**
 * A table as a PDF, written row by row (for report exports): A4 landscape, the header repeated on
 * every page, each cell cut to its column with an ellipsis. Pages are drawn as the rows come and
 * their content kept in a temporary file, not in memory, so a large table never builds one big
 * document in the heap; {@link #finish()} writes the file. Persian text is shaped and put into
 * visual order ({@link PersianShaper}, ICU bidi) and drawn with the embedded Vazirmatn font; a
 * right-to-left table puts its first column on the right. Characters the font lacks print as "?".
 */
public final class TablePdf implements Closeable {

    private static final float MARGIN = 32;
    private static final float FONT_SIZE = 8;
    private static final float TITLE_SIZE = 12;
    private static final float ROW_HEIGHT = 13;
    private static final float PADDING = 3;
    private static final int MAX_CELL = 300;

    private final PDDocument document;
    private final PDType0Font font;
    private final PDType0Font bold;
    private final OutputStream out;
    private final String title;
    private final List<String> headers;
    private final boolean rtl;
    /** Left edge of each column (in reading order) from the table's start, and each column's width. */
    private final float[] columnStart;

    private final float[] columnWidth;
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private @Nullable PDPageContentStream page;
    private float y;
    private int pages;

    private TablePdf(OutputStream out, String title, List<String> headers, float[] weights, boolean rtl)
            throws IOException {
        this.out = out;
        this.title = title;
        this.headers = List.copyOf(headers);
        this.rtl = rtl;
        this.document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
        try {
            this.font = load("fonts/Vazirmatn-Regular.ttf");
            this.bold = load("fonts/Vazirmatn-Bold.ttf");
        } catch (IOException | RuntimeException e) {
            document.close();
            throw e;
        }
        float total = 0;
        for (int i = 0; i < headers.size(); i++) {
            total += weight(weights, i);
        }
        float usable = PDRectangle.A4.getHeight() - 2 * MARGIN;
        this.columnStart = new float[headers.size()];
        this.columnWidth = new float[headers.size()];
        float start = 0;
        for (int i = 0; i < headers.size(); i++) {
            columnStart[i] = start;
            columnWidth[i] = usable * weight(weights, i) / total;
            start += columnWidth[i];
        }
    }

    /**
     * Starts a table; rows follow with {@link #row}, then {@link #finish}; always {@link #close}.
     * {@code weights} give the columns' relative widths (missing or non-positive ones count 1).
     */
    public static TablePdf start(OutputStream out, String title, List<String> headers, float[] weights, boolean rtl)
            throws IOException {
        return new TablePdf(out, title, headers, weights, rtl);
    }

    private static float weight(float[] weights, int column) {
        return column < weights.length && weights[column] > 0 ? weights[column] : 1;
    }

    public void row(List<? extends @Nullable Object> cells) throws IOException {
        if (page == null || y - ROW_HEIGHT < MARGIN) {
            newPage();
        }
        drawRow(cells, font);
    }

    /** Ends the last page and writes the PDF to the stream (not closed). */
    public void finish() throws IOException {
        if (page == null) {
            newPage();
        }
        endPage();
        document.save(out);
        out.flush();
    }

    public int pages() {
        return pages;
    }

    @Override
    public void close() throws IOException {
        try {
            endPage();
        } finally {
            document.close();
        }
    }

    private void newPage() throws IOException {
        endPage();
        var p = new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
        document.addPage(p);
        pages++;
        page = new PDPageContentStream(document, p);
        y = p.getMediaBox().getHeight() - MARGIN;
        if (pages == 1) {
            String text = visual(title);
            float width = bold.getStringWidth(text) / 1000 * TITLE_SIZE;
            float x = rtl ? p.getMediaBox().getWidth() - MARGIN - width : MARGIN;
            write(text, bold, TITLE_SIZE, x, y - TITLE_SIZE);
            y -= TITLE_SIZE + 10;
        }
        drawRow(headers, bold);
        page.setLineWidth(0.5f);
        page.moveTo(MARGIN, y + 2);
        page.lineTo(PDRectangle.A4.getHeight() - MARGIN, y + 2);
        page.stroke();
    }

    private void endPage() throws IOException {
        if (page != null) {
            page.close();
            page = null;
        }
    }

    private void drawRow(List<? extends @Nullable Object> cells, PDType0Font rowFont) throws IOException {
        float baseline = y - ROW_HEIGHT + 3;
        float pageWidth = PDRectangle.A4.getHeight();
        for (int i = 0; i < headers.size(); i++) {
            Object value = i < cells.size() ? cells.get(i) : null;
            String text = fit(value == null ? "" : value.toString(), rowFont, columnWidth[i]);
            if (text.isEmpty()) {
                continue;
            }
            float width = rowFont.getStringWidth(text) / 1000 * FONT_SIZE;
            float x = rtl ? pageWidth - MARGIN - columnStart[i] - PADDING - width : MARGIN + columnStart[i] + PADDING;
            write(text, rowFont, FONT_SIZE, x, baseline);
        }
        y -= ROW_HEIGHT;
    }

    private void write(String text, PDType0Font withFont, float size, float x, float atY) throws IOException {
        PDPageContentStream stream = page;
        if (stream == null) {
            return;
        }
        stream.beginText();
        stream.setFont(withFont, size);
        stream.newLineAtOffset(x, atY);
        stream.showText(text);
        stream.endText();
    }

    /** The cell in visual order, cut (in logical order) until it fits its column. */
    private String fit(String logical, PDType0Font withFont, float width) throws IOException {
        String text = printableOnly(logical.replaceAll("[\\r\\n\\t]+", " ").strip(), withFont);
        if (text.length() > MAX_CELL) {
            text = text.substring(0, MAX_CELL);
        }
        float room = width - 2 * PADDING;
        String shown = visual(text);
        boolean cut = false;
        float full = withFont.getStringWidth(shown) / 1000 * FONT_SIZE;
        if (full > room) {
            // start near the right length (proportional), then cut one character at a time
            int keep = Math.max(0, (int) (text.length() * room / full));
            if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
                keep--;
            }
            text = text.substring(0, keep).stripTrailing();
            cut = true;
            shown = visual(text + "…");
        }
        while (!text.isEmpty() && withFont.getStringWidth(shown) / 1000 * FONT_SIZE > room) {
            text = text.substring(0, text.offsetByCodePoints(text.length(), -1)).stripTrailing();
            cut = true;
            shown = visual(text + "…");
        }
        return cut && text.isEmpty() ? "" : shown;
    }

    private String printableOnly(String text, PDType0Font withFont) {
        var result = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean ok = printable.computeIfAbsent(cp, c -> {
                try {
                    withFont.encode(new String(Character.toChars(c)));
                    return true;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
            result.append(ok ? new String(Character.toChars(cp)) : "?");
        });
        return result.toString();
    }

    /** Arabic-script text joined and reordered for drawing left to right; other text unchanged. */
    static String visual(String logical) {
        if (!Bidi.requiresBidi(logical.toCharArray(), 0, logical.length())) {
            return logical;
        }
        var bidi = new Bidi(PersianShaper.shape(logical), Bidi.LEVEL_DEFAULT_LTR);
        return bidi.writeReordered(Bidi.DO_MIRRORING);
    }

    private PDType0Font load(String resource) throws IOException {
        try (InputStream in = TablePdf.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Font missing from the application: " + resource);
            }
            return PDType0Font.load(document, in, true);
        }
    }
}
