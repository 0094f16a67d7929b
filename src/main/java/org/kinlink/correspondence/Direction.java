package org.kinlink.correspondence;

public enum Direction {
    INCOMING,
    OUTGOING,
    /** A note for the file, not a contact with anyone. */
    INTERNAL
}
