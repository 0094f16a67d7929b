package org.kinlink.cases;

/** The sought person's decision about being put in contact with the enquirers. */
public enum DisclosureDecision {
    NOT_ASKED,
    ASKED,
    /** Contact details and whereabouts may be shared with the enquirers. */
    AGREED_TO_CONTACT,
    /** Messages may be passed on; contact details and whereabouts may not. */
    AGREED_TO_MESSAGES_ONLY,
    REFUSED,
    WITHDRAWN;

    public boolean allowsContactDetails() {
        return this == AGREED_TO_CONTACT;
    }

    public boolean allowsMessages() {
        return this == AGREED_TO_CONTACT || this == AGREED_TO_MESSAGES_ONLY;
    }
}
