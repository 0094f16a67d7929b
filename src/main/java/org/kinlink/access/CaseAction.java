package org.kinlink.access;

/** What a user may want to do with a case or a person; the access policy decides per role and team. */
public enum CaseAction {
    /** Reference, title, status, team, assignee and party names. */
    SEE_CASE_SUMMARY,
    /** Everything recorded on the case, including the parties' personal data. */
    READ_CASE,
    CREATE_CASE,
    EDIT_CASE,
    CHANGE_CASE_STATUS,
    RECORD_CONSENT,
    READ_PERSON,
    REGISTER_PERSON,
    EDIT_PERSON,
    /** Reveal a masked sensitive field class of a person; which classes is {@link FieldPolicy}'s table. */
    REVEAL_PERSON_FIELD,
    MERGE_PERSONS,
    /** See a letter about a case (only the cases of the letter the caller may see are shown). */
    SEE_LETTER,
    /** Draft or edit a draft letter about a case (caseworkers propose, coordinators write). */
    DRAFT_LETTER
}
