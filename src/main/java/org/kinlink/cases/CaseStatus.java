package org.kinlink.cases;

public enum CaseStatus {
    NEW,
    INTAKE,
    TRACING,
    LOCATED,
    CONTACT_REQUESTED,
    CONTACT_ESTABLISHED,
    REUNITED,
    ON_HOLD,
    /** The sought person does not want contact. */
    DECLINED,
    CLOSED,
    CLOSED_UNRESOLVED;

    public boolean isOpen() {
        return this != DECLINED && this != CLOSED && this != CLOSED_UNRESOLVED;
    }

    /** Open and not on hold: the states ON_HOLD can be entered from and returned to. */
    public boolean isActive() {
        return isOpen() && this != ON_HOLD;
    }
}
