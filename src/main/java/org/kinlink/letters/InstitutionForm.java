package org.kinlink.letters;

import org.jspecify.annotations.Nullable;

/** A new institution ({@code id} null) or changes to one, based on the version the user loaded. */
public record InstitutionForm(
        @Nullable InstitutionId id,
        long version,
        String name,
        InstitutionType type,
        @Nullable String country,
        @Nullable String address,
        @Nullable String email,
        @Nullable String contactPersons,
        String preferredLanguage,
        @Nullable String notes) {}
