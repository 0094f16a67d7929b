package org.kinlink.importing;

import java.util.List;

/**
 * The Kinlink fields a column can be mapped to, with the header names (English and Persian) that
 * suggest them. A row needs a case title and a name (Latin or Persian script) for each person.
 */
public enum ImportField {
    CASE_TITLE(true, "title", "case title", "case", "subject", "عنوان", "عنوان پرونده"),
    STATUS(false, "status", "state", "وضعیت"),
    OPENED(false, "opened", "opened date", "date opened", "date", "تاریخ", "تاریخ گشایش"),
    TEAM(false, "team", "office", "تیم"),
    NOTES(false, "notes", "note", "remarks", "summary", "comments", "یادداشت", "توضیحات"),
    ENQUIRER_GIVEN_LATIN(false, "enquirer given name", "enquirer first name", "enquirer given", "enquirer first"),
    ENQUIRER_FAMILY_LATIN(false, "enquirer family name", "enquirer surname", "enquirer last name", "enquirer family"),
    ENQUIRER_GIVEN_NATIVE(false, "enquirer given name (persian)", "enquirer given persian", "نام درخواست کننده"),
    ENQUIRER_FAMILY_NATIVE(
            false, "enquirer family name (persian)", "enquirer family persian", "نام خانوادگی درخواست کننده"),
    ENQUIRER_RELATIONSHIP(false, "relationship", "enquirer relationship", "relation", "نسبت"),
    ENQUIRER_BIRTH(false, "enquirer birth", "enquirer born", "enquirer birth date", "enquirer birth year"),
    SOUGHT_GIVEN_LATIN(false, "sought given name", "sought first name", "sought given", "sought first"),
    SOUGHT_FAMILY_LATIN(false, "sought family name", "sought surname", "sought last name", "sought family"),
    SOUGHT_GIVEN_NATIVE(false, "sought given name (persian)", "sought given persian", "نام فرد جستجو شده"),
    SOUGHT_FAMILY_NATIVE(false, "sought family name (persian)", "sought family persian", "نام خانوادگی فرد جستجو شده"),
    SOUGHT_BIRTH(false, "sought birth", "sought born", "sought birth date", "sought birth year");

    private final boolean required;
    private final List<String> headers;

    ImportField(boolean required, String... headers) {
        this.required = required;
        this.headers = List.of(headers);
    }

    public boolean required() {
        return required;
    }

    /** Header names (lower case) that suggest this field. */
    public List<String> headers() {
        return headers;
    }

    /** The translation key of the field's label. */
    public String labelKey() {
        return "import.field." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
