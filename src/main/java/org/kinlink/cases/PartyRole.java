package org.kinlink.cases;

public enum PartyRole {
    /** A relative seeking contact. */
    ENQUIRER,
    /** The person being looked for. */
    SOUGHT,
    /** Anyone else: a witness, a lawyer, a contact person. */
    OTHER
}
