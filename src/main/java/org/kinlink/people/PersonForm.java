package org.kinlink.people;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kinlink.access.SensitiveFieldClass;

/**
 * What a caseworker enters for a person. The date of birth may be a full date or only a year
 * ({@code birthYear} with {@code birthDate} null). {@code keep} names the sensitive field classes
 * the form leaves untouched (they were masked and not revealed): an update keeps their stored
 * values and ignores whatever the form holds for them.
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
        @Nullable String notes,
        Set<SensitiveFieldClass> keep) {

    public PersonForm {
        keep = Set.copyOf(keep);
    }

    /** A form that sets every field (nothing kept). */
    public PersonForm(
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
        this(
                names,
                otherNames,
                sex,
                birthDate,
                birthYear,
                placeOfBirth,
                nationality,
                lastKnownLocation,
                phone,
                email,
                postalAddress,
                messagingHandle,
                documents,
                notes,
                Set.of());
    }

    /** A form with only these names: everything else empty, sex not known. */
    public static PersonForm named(PersonNames names) {
        return new PersonForm(
                names, List.of(), Sex.UNKNOWN, null, null, null, null, null, null, null, null, null, List.of(), null);
    }

    public PersonForm withOtherNames(List<NameVariant> variants) {
        return new PersonForm(
                names,
                variants,
                sex,
                birthDate,
                birthYear,
                placeOfBirth,
                nationality,
                lastKnownLocation,
                phone,
                email,
                postalAddress,
                messagingHandle,
                documents,
                notes,
                keep);
    }

    public PersonForm withSex(Sex value) {
        return new PersonForm(
                names,
                otherNames,
                value,
                birthDate,
                birthYear,
                placeOfBirth,
                nationality,
                lastKnownLocation,
                phone,
                email,
                postalAddress,
                messagingHandle,
                documents,
                notes,
                keep);
    }

    public PersonForm withBirthYear(@Nullable Integer year) {
        return new PersonForm(
                names,
                otherNames,
                sex,
                birthDate,
                year,
                placeOfBirth,
                nationality,
                lastKnownLocation,
                phone,
                email,
                postalAddress,
                messagingHandle,
                documents,
                notes,
                keep);
    }

    public PersonForm withContact(@Nullable String phoneNumber, @Nullable String emailAddress) {
        return new PersonForm(
                names,
                otherNames,
                sex,
                birthDate,
                birthYear,
                placeOfBirth,
                nationality,
                lastKnownLocation,
                phoneNumber,
                emailAddress,
                postalAddress,
                messagingHandle,
                documents,
                notes,
                keep);
    }

    public PersonForm withLastKnownLocation(@Nullable String location) {
        return new PersonForm(
                names,
                otherNames,
                sex,
                birthDate,
                birthYear,
                placeOfBirth,
                nationality,
                location,
                phone,
                email,
                postalAddress,
                messagingHandle,
                documents,
                notes,
                keep);
    }

    /** Whether the form sets the values of this class (rather than keeping the stored ones). */
    public boolean sets(SensitiveFieldClass fieldClass) {
        return !keep.contains(fieldClass);
    }

    /** A document as entered: the number in clear, encrypted when stored. */
    public record DocumentEntry(
            DocumentType type, String number, @Nullable String issuingCountry) {}
}
