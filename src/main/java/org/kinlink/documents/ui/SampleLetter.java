package org.kinlink.documents.ui;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.kinlink.documents.LetterDocument;
import org.kinlink.documents.Placeholder;
import org.kinlink.documents.TemplateText;

/** Invented values for previewing a template: no real person, case or letter appears in a preview. */
final class SampleLetter {

    private SampleLetter() {}

    static Map<Placeholder, String> values(String language, LocalDate date) {
        boolean fa = "fa".equals(language);
        var values = new EnumMap<Placeholder, String>(Placeholder.class);
        values.put(Placeholder.LETTER_REFERENCE, "KL-L-2026-0001");
        values.put(Placeholder.LETTER_DATE, date.toString());
        values.put(Placeholder.THEIR_REFERENCE, "SAMPLE/42");
        values.put(Placeholder.INSTITUTION_NAME, fa ? "نهاد نمونه" : "Sample Institution");
        values.put(Placeholder.INSTITUTION_ADDRESS, fa ? "خیابان نمونه ۱، شهر نمونه" : "1 Sample Street, Sample City");
        values.put(Placeholder.INSTITUTION_CONTACT, fa ? "دفتر پیگیری" : "Tracing Office");
        values.put(Placeholder.CASE_REFERENCES, "KL-2026-0001");
        values.put(Placeholder.SOUGHT_PERSONS, fa ? "آرش نمونه‌زاده (متولد ۱۹۸۰)" : "Arash Samplezadeh (born 1980)");
        values.put(Placeholder.ENQUIRERS, fa ? "مینا نمونه‌زاده (مادر)" : "Mina Samplezadeh (mother)");
        values.put(Placeholder.SENDER_NAME, fa ? "کارشناس نمونه" : "Sample Caseworker");
        values.put(Placeholder.ORGANISATION_NAME, fa ? "خدمات پیوند خانواده" : "Family Links Service");
        values.put(Placeholder.OVERDUE_LETTERS, "KL-L-2026-0003, KL-L-2026-0007");
        return values;
    }

    /** The text of the editor (saved or not) as a letter with sample values. */
    static LetterDocument document(String language, String subject, String body, LocalDate date) {
        var values = values(language, date);
        return new LetterDocument(
                language,
                values.get(Placeholder.LETTER_REFERENCE),
                values.get(Placeholder.THEIR_REFERENCE),
                date,
                List.of(
                        values.get(Placeholder.INSTITUTION_NAME),
                        values.get(Placeholder.INSTITUTION_CONTACT),
                        values.get(Placeholder.INSTITUTION_ADDRESS)),
                TemplateText.fill(subject, values),
                TemplateText.fill(body, values),
                List.of(values.get(Placeholder.SENDER_NAME), values.get(Placeholder.ORGANISATION_NAME)));
    }
}
