package org.kinlink.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kinlink.ui.KinlinkI18NProvider;

/**
 * The letter PDF as a reader gets it: the text is there (PDFBox extraction), Persian is shaped into
 * joined letter forms with the embedded font, and nothing typed is read as markup.
 */
class LetterPdfTest {

    private final LetterPdf pdf = new LetterPdf(
            new KinlinkI18NProvider(), "Family Links Service", "خدمات پیوند خانواده", "1 Example Road; Sample Town");

    static LetterDocument english(String body) {
        return new LetterDocument(
                "en",
                "KL-L-2026-0042",
                "THEIRS/7",
                LocalDate.of(2026, 11, 21),
                List.of("Sample Institution", "Tracing Office", "1 Sample Street, Sample City"),
                "Tracing request for KL-2026-0001",
                body,
                List.of("Sample Caseworker", "Family Links Service"));
    }

    static LetterDocument persian() {
        return new LetterDocument(
                "fa",
                "KL-L-2026-0043",
                null,
                LocalDate.of(2026, 11, 21),
                List.of("نهاد نمونه", "خیابان نمونه ۱، شهر نمونه"),
                "درخواست جست‌وجو",
                "با سلام و احترام،\n\nخواهشمندیم سوابق خود را بررسی کنید.\n\nبا سپاس،",
                List.of("کارشناس نمونه"));
    }

    @Test
    void an_english_letter_carries_its_subject_references_and_paragraphs() throws IOException {
        byte[] bytes = pdf.render(english("Dear colleague,\n\nPlease check your records.\nThank you."));
        write("letter-en.pdf", bytes);

        String text = text(bytes);
        assertThat(text)
                .contains("Tracing request for KL-2026-0001")
                .contains("KL-L-2026-0042")
                .contains("THEIRS/7")
                .contains("21 November 2026")
                .contains("Please check your records.")
                .contains("Sample Institution")
                .contains("Family Links Service")
                .contains("Page 1 / 1");
    }

    @Test
    @DisplayName("I1: text with markup in it appears literally, nothing is read as HTML")
    void markup_in_a_value_is_printed_as_text() throws IOException {
        byte[] bytes = pdf.render(english("Ask <script>alert('x')</script> & <b>bold</b> \"quoted\""));

        String text = text(bytes);
        assertThat(text).contains("<script>alert('x')</script> & <b>bold</b> \"quoted\"");
        assertThat(pdf.html(english("<script>x</script>"))).doesNotContain("<script>");
    }

    @Test
    void control_characters_that_xml_cannot_carry_do_not_break_the_letter() throws IOException {
        byte[] bytes = pdf.render(english("Before\u0000\u0007after"));

        assertThat(text(bytes)).contains("Beforeafter");
    }

    @Test
    void a_persian_letter_is_shaped_right_to_left_with_the_font_embedded() throws IOException {
        byte[] bytes = pdf.render(persian());
        write("letter-fa.pdf", bytes);

        try (PDDocument document = Loader.loadPDF(bytes)) {
            // the font is embedded (a subset), not left to the reader's machine
            PDPage page = document.getPage(0);
            List<PDFont> fonts = new ArrayList<>();
            for (var name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("Vazirmatn");
            });

            List<String> glyphs = new ArrayList<>();
            var stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String string, List<TextPosition> positions) {
                    positions.forEach(p -> glyphs.add(p.getUnicode()));
                }
            };
            stripper.getText(document);
            String raw = new PDFTextStripper().getText(document);
            String joined = String.join("", glyphs);
            // shaped: the letters come out as joined (initial/medial/final) presentation forms
            assertThat(joined.codePoints()
                            .filter(LetterPdfTest::presentationForm)
                            .count())
                    .as("shaped Arabic-script glyphs")
                    .isGreaterThan(20);
            // every letter is shaped, the Persian ones (پ چ ژ گ ک ی) included: no bare letter is left
            assertThat(joined.codePoints()
                            .filter(c -> c >= 0x0600 && c <= 0x06FF && Character.isLetter(c))
                            .mapToObj(Character::toString)
                            .toList())
                    .as("letters left unjoined")
                    .isEmpty();
            // no missing glyphs: no replacement characters, question marks or .notdef boxes
            assertThat(joined).doesNotContain("\uFFFD").doesNotContain("?");
            String normalised = Normalizer.normalize(raw, Normalizer.Form.NFKC);
            String reversed = new StringBuilder(normalised).reverse().toString();
            for (String word : List.of("خواهشمندیم", "سوابق", "بررسی", "سپاس", "احترام")) {
                assertThat(normalised.contains(word) || reversed.contains(word))
                        .as("the word %s in %s", word, normalised)
                        .isTrue();
            }
            assertThat(normalised).contains("KL-L-2026-0043");
        }
    }

    @Test
    void a_persian_letter_declares_its_language_and_direction() {
        assertThat(pdf.html(persian())).contains("lang=\"fa\"").contains("dir=\"rtl\"");
    }

    private static boolean presentationForm(int codePoint) {
        return (codePoint >= 0xFB50 && codePoint <= 0xFDFF) || (codePoint >= 0xFE70 && codePoint <= 0xFEFF);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static void write(String name, byte[] bytes) throws IOException {
        Path dir = Path.of("target", "letters");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), bytes);
    }
}
