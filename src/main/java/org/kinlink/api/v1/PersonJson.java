package org.kinlink.api.v1;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kinlink.access.SensitiveFieldClass;
import org.kinlink.people.DocumentType;
import org.kinlink.people.NameVariant;
import org.kinlink.people.PersonDetails;
import org.kinlink.people.PersonMatch;
import org.kinlink.people.Sex;

/**
 * A person as the caller may see them. Sensitive values are {@link SensitiveJson} (masked ones as
 * {@code {"masked": true}}); {@code revealable} lists the masked classes the caller may reveal with
 * a reason ({@code POST /api/v1/persons/{id}/reveal}).
 */
public record PersonJson(
        long id,
        long version,
        long teamId,
        NamesJson names,
        String displayName,
        List<NameVariant> otherNames,
        Sex sex,
        @Nullable SensitiveJson birthDate,
        @Nullable String placeOfBirth,
        @Nullable String nationality,
        @Nullable SensitiveJson lastKnownLocation,
        @Nullable SensitiveJson phone,
        @Nullable SensitiveJson email,
        @Nullable SensitiveJson postalAddress,
        @Nullable SensitiveJson messagingHandle,
        List<DocumentJson> documents,
        @Nullable SensitiveJson notes,
        Set<SensitiveFieldClass> revealable) {

    public record DocumentJson(
            DocumentType type,
            @Nullable SensitiveJson number,
            @Nullable String issuingCountry) {}

    static PersonJson of(PersonDetails person) {
        return new PersonJson(
                person.id().value(),
                person.version(),
                person.teamId(),
                NamesJson.of(person.names()),
                person.names().display(),
                person.otherNames(),
                person.sex(),
                SensitiveJson.of(person.birthDate()),
                person.placeOfBirth(),
                person.nationality(),
                SensitiveJson.of(person.lastKnownLocation()),
                SensitiveJson.of(person.phone()),
                SensitiveJson.of(person.email()),
                SensitiveJson.of(person.postalAddress()),
                SensitiveJson.of(person.messagingHandle()),
                person.documents().stream()
                        .map(d -> new DocumentJson(d.type(), SensitiveJson.of(d.number()), d.issuingCountry()))
                        .toList(),
                SensitiveJson.of(person.notes()),
                person.revealable());
    }

    /** A person found by name matching: names only, the score (0 to 1) and why it matched. */
    public record MatchJson(long id, NamesJson names, String displayName, Sex sex, double score, List<String> reasons) {

        static MatchJson of(PersonMatch match) {
            return new MatchJson(
                    match.person().id().value(),
                    NamesJson.of(match.person().names()),
                    match.person().display(),
                    match.person().sex(),
                    match.score(),
                    match.reasons());
        }
    }
}
