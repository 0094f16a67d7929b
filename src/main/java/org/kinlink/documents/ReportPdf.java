package org.kinlink.documents;

import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Renders a {@link ReportDocument} as a PDF with the letters' font (Vazirmatn) and Persian shaping,
 * so that names in Persian script come out joined and right to left. It only lays out the text it
 * is given and reads no data, so it is a component without access rules of its own; the caller has
 * checked access to every value in the document.
 */
@Component
public class ReportPdf {

    private final byte[] regular = LetterPdf.font("fonts/Vazirmatn-Regular.ttf");
    private final byte[] bold = LetterPdf.font("fonts/Vazirmatn-Bold.ttf");

    public byte[] render(ReportDocument document) {
        var out = new ByteArrayOutputStream();
        try {
            new PdfRendererBuilder()
                    .useFastMode()
                    .withProducer("Kinlink")
                    .useFont(
                            () -> new ByteArrayInputStream(regular), LetterPdf.FONT_FAMILY, 400, FontStyle.NORMAL, true)
                    .useFont(() -> new ByteArrayInputStream(bold), LetterPdf.FONT_FAMILY, 700, FontStyle.NORMAL, true)
                    .useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory())
                    .useUnicodeBidiReorderer(new PersianShaper())
                    .defaultTextDirection(document.rtl() ? TextDirection.RTL : TextDirection.LTR)
                    .withHtmlContent(html(document), null)
                    .toStream(out)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("The report could not be rendered", e);
        }
        return out.toByteArray();
    }

    /** The report as XHTML, every text escaped; package-private so tests can check it. */
    static String html(ReportDocument d) {
        String align = d.rtl() ? "right" : "left";
        var h = new StringBuilder(8192);
        h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" dir=\"")
                .append(d.rtl() ? "rtl" : "ltr")
                .append("\"><head><meta charset=\"UTF-8\"/><style>")
                .append("""
                        @page { size: A4; margin: 18mm 16mm 18mm 16mm;
                          @bottom-center { content: counter(page) " / " counter(pages);
                            font-family: '%1$s'; font-size: 8pt; color: #555; } }
                        body { font-family: '%1$s'; font-size: 9.5pt; line-height: 1.4; direction: %2$s; text-align: %3$s; }
                        h1 { font-size: 15pt; margin: 0 0 3mm 0; }
                        h2 { font-size: 11.5pt; margin: 6mm 0 2mm 0; }
                        .intro { color: #333; }
                        table { width: 100%%; border-collapse: collapse; -fs-table-paginate: paginate; }
                        th { font-weight: 700; text-align: %3$s; border-bottom: 1px solid #888; padding: 1mm; }
                        td { border-bottom: 1px solid #ddd; padding: 1mm; vertical-align: top; }
                        .ltr { direction: ltr; }
                        .rtl { direction: rtl; }
                        .empty { color: #555; }
                        """.formatted(LetterPdf.FONT_FAMILY, d.rtl() ? "rtl" : "ltr", align))
                .append("</style></head><body>");
        h.append("<h1>").append(LetterPdf.text(d.title())).append("</h1>");
        for (String line : d.introLines()) {
            h.append("<div class=\"intro")
                    .append(direction(line, d.rtl()))
                    .append("\">")
                    .append(LetterPdf.text(line))
                    .append("</div>");
        }
        for (ReportDocument.Section section : d.sections()) {
            h.append("<h2>").append(LetterPdf.text(section.heading())).append("</h2>");
            if (section.rows().isEmpty()) {
                h.append("<div class=\"empty\">")
                        .append(LetterPdf.text(section.emptyText()))
                        .append("</div>");
                continue;
            }
            h.append("<table><thead><tr>");
            for (String column : section.columns()) {
                h.append("<th>").append(LetterPdf.text(column)).append("</th>");
            }
            h.append("</tr></thead><tbody>");
            for (List<String> row : section.rows()) {
                h.append("<tr>");
                for (String cell : row) {
                    h.append("<td class=\"")
                            .append(direction(cell, d.rtl()).strip())
                            .append("\">")
                            .append(LetterPdf.text(cell))
                            .append("</td>");
                }
                h.append("</tr>");
            }
            h.append("</tbody></table>");
        }
        h.append("</body></html>");
        return h.toString();
    }

    /**
     * A cell written in the other direction than the page keeps its own reading order, decided by
     * its first strong character; numbers without letters stay left to right.
     */
    private static String direction(String text, boolean pageRtl) {
        for (int i = 0; i < text.length(); i++) {
            byte dir = Character.getDirectionality(text.charAt(i));
            if (dir == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return pageRtl ? " ltr" : "";
            }
            if (dir == Character.DIRECTIONALITY_RIGHT_TO_LEFT || dir == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return pageRtl ? "" : " rtl";
            }
        }
        // only digits and signs (a phone number, an ISO date): written left to right on any page
        return pageRtl && text.chars().anyMatch(Character::isDigit) ? " ltr" : "";
    }
}
