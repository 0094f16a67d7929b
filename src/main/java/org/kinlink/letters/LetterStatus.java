package org.kinlink.letters;

/** Where a letter is in its workflow; see {@link LetterWorkflow}. OVERDUE is derived, never stored. */
public enum LetterStatus {
    DRAFT,
    APPROVED,
    SENT,
    ACKNOWLEDGED,
    ANSWERED,
    CLOSED,
    WITHDRAWN;

    /** Sent and waiting for the institution's answer. */
    public boolean awaitsAnswer() {
        return this == SENT || this == ACKNOWLEDGED;
    }
}
