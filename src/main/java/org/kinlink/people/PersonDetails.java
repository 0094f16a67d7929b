package org.kinlink.people;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A person as the caller may see them: sensitive fields shown or masked by the access policy. */
public record PersonDetails(
        PersonId id,
        long version,
        long teamId,
        PersonNames names,
        List<NameVariant> otherNames,
        Sex sex,
        SensitiveValue birthDate,
        @Nullable String placeOfBirth,
        @Nullable String nationality,
        SensitiveValue lastKnownLocation,
        SensitiveValue phone,
        SensitiveValue email,
        SensitiveValue postalAddress,
        SensitiveValue messagingHandle,
        List<IdentityDocument> documents,
        SensitiveValue notes) {}
