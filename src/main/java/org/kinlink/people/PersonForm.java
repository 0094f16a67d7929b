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

    /** Whether the form sets the values of this class (rather than keeping the stored ones). */
    public boolean sets(SensitiveFieldClass fieldClass) {
        return !keep.contains(fieldClass);
    }

    /** A document as entered: the number in clear, encrypted when stored. */
    public record DocumentEntry(
            DocumentType type, String number, @Nullable String issuingCountry) {}
}
