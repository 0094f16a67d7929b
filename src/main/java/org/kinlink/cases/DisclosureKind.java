package org.kinlink.cases;

/** What was passed from the sought person to an enquirer. */
public enum DisclosureKind {
    /** Contact details or whereabouts: only with {@link DisclosureDecision#AGREED_TO_CONTACT}. */
    CONTACT_DETAILS,
    /** A message, without contact details. */
    MESSAGE
}
