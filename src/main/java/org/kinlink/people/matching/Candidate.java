package org.kinlink.people.matching;

/**
 * A person found through match keys, to be ranked.
 *
 * @param <I> the caller's identifier of the person (for example a {@code PersonId})
 */
public record Candidate<I>(I id, PersonNames names) {}
