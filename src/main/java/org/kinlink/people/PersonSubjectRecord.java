package org.kinlink.people;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the person registry holds about one person, in clear, for a subject access export
 * (D7): the subject's own record only, never another person's. {@code registeredByTeam} is the
 * team that registered them (the source of the record).
 */
public record PersonSubjectRecord(
        PersonId id,
        long registeredByTeam,
        Instant registeredAt,
        Instant updatedAt,
        PersonNames names,
        List<NameVariant> otherNames,
        Sex sex,
        @Nullable String birthDate,
        @Nullable String placeOfBirth,
        @Nullable String nationality,
        @Nullable String lastKnownLocation,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String postalAddress,
        @Nullable String messagingHandle,
        List<Document> documents,
        @Nullable String notes,
        List<PersonId> mergedRecords) {

    /** An identity document with its number in clear. */
    public record Document(
            DocumentType type, String number, @Nullable String issuingCountry) {}
}
