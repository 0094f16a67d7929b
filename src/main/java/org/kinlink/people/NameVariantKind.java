package org.kinlink.people;

public enum NameVariantKind {
    /** Another way of writing the same name (Husseini for Hosseini). */
    SPELLING,
    /** A different name the person is known by. */
    ALIAS
}
