package org.kinlink.documents;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.vaadin.flow.i18n.I18NProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kinlink.InvalidInput;
import org.kinlink.Roles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Renders a letter as an A4 PDF. The layout is XHTML laid out by openhtmltopdf; every piece of text
 * is escaped, so nothing a user typed is read as markup. The font (Vazirmatn, which covers Latin and
 * Arabic script) is embedded as a subset; Persian is split into bidi runs, shaped (joined letter
 * forms) and laid out right-to-left with ICU4J.
 */
@Service
public class LetterPdf {

    static final String FONT_FAMILY = "Vazirmatn";
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t]*\\n+");
    // characters XML 1.0 does not allow (control characters, lone surrogates, U+FFFE/FFFF)
    private static final Pattern NOT_XML =
            Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

    private final byte[] regular = font("fonts/Vazirmatn-Regular.ttf");
    private final byte[] bold = font("fonts/Vazirmatn-Bold.ttf");
    private final I18NProvider i18n;
    private final String organisation;
    private final String organisationFa;
    private final List<String> organisationLines;

    LetterPdf(
            I18NProvider i18n,
            @Value("${kinlink.organisation.name:Family Links Service}") String organisation,
            @Value("${kinlink.organisation.name-fa:}") String organisationFa,
            @Value("${kinlink.organisation.address:}") String organisationAddress) {
        this.i18n = i18n;
        this.organisation = organisation.strip();
        this.organisationFa = organisationFa.isBlank() ? this.organisation : organisationFa.strip();
        this.organisationLines = Arrays.stream(organisationAddress.split("[;\\n]"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    @PreAuthorize("hasAnyRole('" + Roles.COORDINATOR + "', '" + Roles.CASEWORKER + "')")
    public byte[] render(LetterDocument document) {
        if (!LetterTemplates.LANGUAGES.contains(document.language())) {
            throw new InvalidInput("language", "documents.language-required");
        }
        boolean rtl = "fa".equals(document.language());
        var out = new ByteArrayOutputStream();
        try {
            var builder = new PdfRendererBuilder()
                    .useFastMode()
                    .withProducer("Kinlink")
                    .useFont(() -> new ByteArrayInputStream(regular), FONT_FAMILY, 400, FontStyle.NORMAL, true)
                    .useFont(() -> new ByteArrayInputStream(bold), FONT_FAMILY, 700, FontStyle.NORMAL, true)
                    .useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory())
                    .useUnicodeBidiReorderer(new PersianShaper())
                    .defaultTextDirection(rtl ? TextDirection.RTL : TextDirection.LTR)
                    .withHtmlContent(html(document), null)
                    .toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("The letter could not be rendered", e);
        }
        return out.toByteArray();
    }

    /** The letter as XHTML; package-private so tests can check the escaping. */
    String html(LetterDocument d) {
        boolean rtl = "fa".equals(d.language());
        Locale locale = Locale.forLanguageTag(d.language());
        var h = new StringBuilder(4096);
        h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(d.language())
                .append("\" dir=\"")
                .append(rtl ? "rtl" : "ltr")
                .append("\"><head><meta charset=\"UTF-8\"/><style>")
                .append(css(rtl, label("documents.pdf.page", locale)))
                .append("</style></head><body>");
        h.append("<div class=\"organisation\">")
                .append(text(rtl ? organisationFa : organisation))
                .append("</div>");
        for (String line : organisationLines) {
            line(h, "organisation-line", line, rtl);
        }
        h.append("<div class=\"meta\">");
        labelled(h, label("documents.pdf.date", locale), date(d.date(), rtl));
        labelled(h, label("documents.pdf.our-reference", locale), d.ourReference());
        if (d.theirReference() != null && !d.theirReference().isBlank()) {
            labelled(h, label("documents.pdf.their-reference", locale), d.theirReference());
        }
        h.append("</div><div class=\"recipient\">");
        for (String line : d.recipientLines()) {
            line(h, "", line, rtl);
        }
        h.append("</div><p class=\"subject\">")
                .append(text(label("documents.pdf.subject", locale)))
                .append(" ")
                .append(text(d.subject()))
                .append("</p>");
        for (String paragraph : paragraphs(d.body())) {
            String dir = direction(paragraph, rtl);
            h.append(dir.isEmpty() ? "<p>" : "<p class=\"" + dir + "\">");
            h.append(lines(paragraph)).append("</p>");
        }
        h.append("<div class=\"sender\">");
        for (String line : d.senderLines()) {
            line(h, "", line, rtl);
        }
        h.append("</div></body></html>");
        return h.toString();
    }

    private static String css(boolean rtl, String pageLabel) {
        String align = rtl ? "right" : "left";
        return """
                @page { size: A4; margin: 22mm 20mm 24mm 20mm;
                  @bottom-center { content: %s counter(page) " / " counter(pages);
                    font-family: '%s'; font-size: 8.5pt; color: #555; } }
                body { font-family: '%s'; font-size: 10.5pt; line-height: 1.45; direction: %s; text-align: %s; }
                .organisation { font-weight: 700; font-size: 14pt; }
                .organisation-line { font-size: 9pt; color: #444; }
                .meta { margin-top: 8mm; }
                .meta .label { color: #444; }
                .ltr { direction: ltr; text-align: %s; }
                .rtl { direction: rtl; text-align: %s; }
                .recipient { margin-top: 8mm; margin-bottom: 8mm; }
                .subject { font-weight: 700; margin-bottom: 5mm; }
                p { margin: 0 0 3.5mm 0; }
                .sender { margin-top: 10mm; }
                """.formatted(
                        // margin boxes get no bidi treatment: a Persian word there would come out reversed
                        rtl ? "" : "\"" + cssString(pageLabel) + " \"",
                        FONT_FAMILY,
                        FONT_FAMILY,
                        rtl ? "rtl" : "ltr",
                        align,
                        align,
                        align);
    }

    private static void line(StringBuilder h, String cssClass, String line, boolean rtl) {
        String classes = (cssClass + " " + direction(line, rtl)).strip();
        h.append("<div");
        if (!classes.isEmpty()) {
            h.append(" class=\"").append(classes).append("\"");
        }
        h.append(">").append(text(line)).append("</div>");
    }

    private static void labelled(StringBuilder h, String label, String value) {
        h.append("<div><span class=\"label\">")
                .append(text(label))
                .append("</span> ")
                .append(text(value))
                .append("</div>");
    }

    /**
     * A line or paragraph written in the other direction than the letter (a Latin address in a
     * Persian letter, a Persian name in an English one) keeps its own reading order, as {@code
     * dir="auto"} would: decided by its first strong character.
     */
    private static String direction(String text, boolean letterRtl) {
        for (int i = 0; i < text.length(); i++) {
            byte d = Character.getDirectionality(text.charAt(i));
            if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return letterRtl ? "ltr" : "";
            }
            if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return letterRtl ? "" : "rtl";
            }
        }
        return "";
    }

    private String label(String key, Locale locale) {
        return i18n.getTranslation(key, locale);
    }

    private static String date(LocalDate date, boolean persian) {
        if (!persian) {
            return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
        }
        // the Solar Hijri calendar, as Persian letters are dated
        DateFormat format = DateFormat.getDateInstance(DateFormat.LONG, new ULocale("fa_IR@calendar=persian"));
        format.setTimeZone(TimeZone.GMT_ZONE);
        return format.format(Date.from(date.atStartOfDay().toInstant(ZoneOffset.UTC)));
    }

    static List<String> paragraphs(String body) {
        String normalised = body.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (normalised.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(PARAGRAPH_BREAK.split(normalised))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    /** A paragraph's lines, escaped, joined by line breaks. */
    private static String lines(String paragraph) {
        var out = new StringBuilder();
        for (String line : paragraph.split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append("<br/>");
            }
            out.append(text(line));
        }
        return out.toString();
    }

    /** Escapes text for XHTML content and attribute values, dropping what XML cannot carry. */
    static String text(@Nullable String value) {
        if (value == null) {
            return "";
        }
        String clean = NOT_XML.matcher(value).replaceAll("");
        var out = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String cssString(String value) {
        // CSS-escaped first; the XML escaping is undone by the parser before the CSS is read
        return text(value.replace("\\", "\\5C ").replace("\"", "\\22 "));
    }

    static byte[] font(String path) {
        try (InputStream in = LetterPdf.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Font missing from the application: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
