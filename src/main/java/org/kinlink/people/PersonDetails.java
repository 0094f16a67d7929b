package org.kinlink.people;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kinlink.access.SensitiveFieldClass;

/**
 * A person as the caller may see them: sensitive fields shown or masked by the field policy;
 * {@code revealable} names the masked classes the caller may reveal with a reason.
 */
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
        SensitiveValue notes,
        Set<SensitiveFieldClass> revealable) {}
