package org.kinlink.people;

/**
 * Published inside the merge's transaction: every reference to {@code absorbed} must now point to
 * {@code kept}. Listeners run in the same transaction, so the merge is all or nothing.
 */
public record PersonsMerged(PersonId kept, PersonId absorbed) {}
