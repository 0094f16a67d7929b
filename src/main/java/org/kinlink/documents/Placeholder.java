package org.kinlink.documents;

import java.util.Arrays;
import java.util.Optional;

/** The placeholders a template may use, written {@code {{key}}}; the letters module supplies their values. */
public enum Placeholder {
    LETTER_REFERENCE("letter.reference"),
    LETTER_DATE("letter.date"),
    THEIR_REFERENCE("letter.their-reference"),
    INSTITUTION_NAME("institution.name"),
    INSTITUTION_ADDRESS("institution.address"),
    INSTITUTION_CONTACT("institution.contact"),
    CASE_REFERENCES("cases.references"),
    SOUGHT_PERSONS("cases.sought-persons"),
    ENQUIRERS("cases.enquirers"),
    SENDER_NAME("sender.name"),
    ORGANISATION_NAME("organisation.name"),
    /** The references of letters that are overdue for an answer, for follow-up letters. */
    OVERDUE_LETTERS("letters.overdue");

    private final String key;

    Placeholder(String key) {
        this.key = key;
    }

    /** The name written between the braces, e.g. {@code letter.reference}. */
    public String key() {
        return key;
    }

    /** The token as written in a template, e.g. <code>{{letter.reference}}</code>. */
    public String token() {
        return "{{" + key + "}}";
    }

    public static Optional<Placeholder> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}
