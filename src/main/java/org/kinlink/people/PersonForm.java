package org.kinlink.people;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a caseworker enters for a person. The date of birth may be a full date or only a year
 * ({@code birthYear} with {@code birthDate} null).
 */
public record PersonForm(
        PersonNames names,
        List<NameVariant> otherNames,
        Sex sex,
        @Nullable LocalDate birthDate,
        @Nullable Integer birthYear,
        @Nullable String placeOfBirth,
        @Nullable String nationality,
        @Nullable String lastKnownLocation,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String postalAddress,
        @Nullable String messagingHandle,
        List<DocumentEntry> documents,
        @Nullable String notes) {

    /** A document as entered: the number in clear, encrypted when stored. */
    public record DocumentEntry(
            DocumentType type, String number, @Nullable String issuingCountry) {}
}
