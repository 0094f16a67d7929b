package org.kinlink.cases;

/** How a party is related to the sought person. */
public enum Relationship {
    MOTHER,
    FATHER,
    SIBLING,
    SPOUSE,
    CHILD,
    OTHER_RELATIVE,
    NOT_RELATED,
    /** The sought person themself. */
    SELF
}
