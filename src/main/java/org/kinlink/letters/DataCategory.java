package org.kinlink.letters;

/**
 * Kinds of personal data a letter can carry, for the disclosure register. CONTACT and LOCATION of a
 * sought person need the sought person's AGREED_TO_CONTACT decision (D6).
 */
public enum DataCategory {
    NAME,
    RELATIONSHIP,
    BIRTH,
    IDENTITY,
    CASE_HISTORY,
    CONTACT,
    LOCATION;

    /** Contact details or whereabouts: only with consent. */
    public boolean needsConsent() {
        return this == CONTACT || this == LOCATION;
    }
}
