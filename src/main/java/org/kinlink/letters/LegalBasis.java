package org.kinlink.letters;

/** Why personal data may go into a letter. */
public enum LegalBasis {
    CONSENT,
    LEGITIMATE_INTEREST,
    LEGAL_OBLIGATION
}
