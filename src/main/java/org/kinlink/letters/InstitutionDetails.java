package org.kinlink.letters;

import org.jspecify.annotations.Nullable;

/**
 * An institution with its public contact points. {@code contactPersons} is one contact per line:
 * name; role; e-mail or phone.
 */
public record InstitutionDetails(
        InstitutionId id,
        long version,
        String name,
        InstitutionType type,
        @Nullable String country,
        @Nullable String address,
        @Nullable String email,
        @Nullable String contactPersons,
        String preferredLanguage,
        @Nullable String notes) {}
