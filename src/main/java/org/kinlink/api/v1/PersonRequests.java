package org.kinlink.api.v1;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kinlink.access.SensitiveFieldClass;
import org.kinlink.people.DocumentType;
import org.kinlink.people.NameVariant;
import org.kinlink.people.PersonForm;
import org.kinlink.people.Sex;

/** Request bodies of the person endpoints. */
public final class PersonRequests {

    private PersonRequests() {}

    /**
     * A person's details. {@code keep} names the sensitive classes the request leaves as stored
     * (for values the caller saw masked); when it is absent, every class the request gives no value
     * for is kept, so that an update never wipes what the caller could not see. To clear a value,
     * send {@code "keep": []} without it.
     */
    public record PersonBody(
            @Nullable Long teamId,
            @Nullable Long version,
            @Nullable NamesJson names,
            @Nullable List<NameVariant> otherNames,
            @Nullable Sex sex,
            @Nullable LocalDate birthDate,
            @Nullable Integer birthYear,
            @Nullable String placeOfBirth,
            @Nullable String nationality,
            @Nullable String lastKnownLocation,
            @Nullable String phone,
            @Nullable String email,
            @Nullable String postalAddress,
            @Nullable String messagingHandle,
            @Nullable List<DocumentBody> documents,
            @Nullable String notes,
            @Nullable Set<SensitiveFieldClass> keep) {

        PersonForm toForm() {
            List<PersonForm.DocumentEntry> entries = documents == null
                    ? List.of()
                    : documents.stream()
                            .map(d -> new PersonForm.DocumentEntry(
                                    Fields.required(d.type(), "documents.type"),
                                    Fields.required(d.number(), "documents.number"),
                                    d.issuingCountry()))
                            .toList();
            return new PersonForm(
                    Fields.required(names, "names").toNames(),
                    otherNames == null ? List.of() : otherNames,
                    sex == null ? Sex.UNKNOWN : sex,
                    birthDate,
                    birthYear,
                    placeOfBirth,
                    nationality,
                    lastKnownLocation,
                    phone,
                    email,
                    postalAddress,
                    messagingHandle,
                    entries,
                    notes,
                    keep != null ? keep : notGiven());
        }

        private Set<SensitiveFieldClass> notGiven() {
            var kept = EnumSet.noneOf(SensitiveFieldClass.class);
            if (blank(phone) && blank(email) && blank(postalAddress) && blank(messagingHandle)) {
                kept.add(SensitiveFieldClass.CONTACT);
            }
            if (blank(lastKnownLocation)) {
                kept.add(SensitiveFieldClass.LOCATION);
            }
            if (documents == null || documents.isEmpty()) {
                kept.add(SensitiveFieldClass.IDENTITY);
            }
            if (birthDate == null && birthYear == null) {
                kept.add(SensitiveFieldClass.BIRTH);
            }
            if (blank(notes)) {
                kept.add(SensitiveFieldClass.NOTES);
            }
            return kept;
        }

        private static boolean blank(@Nullable String value) {
            return value == null || value.isBlank();
        }
    }

    public record DocumentBody(
            @Nullable DocumentType type,
            @Nullable String number,
            @Nullable String issuingCountry) {}

    public record RevealBody(
            @Nullable SensitiveFieldClass fieldClass,
            @Nullable String reason) {}
}
