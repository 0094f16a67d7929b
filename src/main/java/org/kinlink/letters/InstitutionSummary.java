package org.kinlink.letters;

import org.jspecify.annotations.Nullable;

/** An institution as lists show it. */
public record InstitutionSummary(
        InstitutionId id,
        String name,
        InstitutionType type,
        @Nullable String country,
        String preferredLanguage) {}
