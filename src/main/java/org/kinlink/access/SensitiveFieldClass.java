package org.kinlink.access;

/**
 * Classes of sensitive fields of a person; {@link FieldPolicy} decides per class who sees the
 * values, who may reveal them for a stated reason and who sees only that there is a value.
 */
public enum SensitiveFieldClass {
    /** Phone, e-mail, postal address, messaging handle. */
    CONTACT,
    /** Last known location: the sought person's whereabouts, the most sensitive value held. */
    LOCATION,
    /** Identity document numbers. */
    IDENTITY,
    /** Date or year of birth. */
    BIRTH,
    /** Free-text notes. */
    NOTES
}
