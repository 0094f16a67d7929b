package org.kinlink.api.v1;

import org.jspecify.annotations.Nullable;
import org.kinlink.letters.InstitutionDetails;
import org.kinlink.letters.InstitutionSummary;
import org.kinlink.letters.InstitutionType;

/** An institution (a public body) with its public contact points. */
public record InstitutionJson(
        long id,
        long version,
        String name,
        InstitutionType type,
        @Nullable String country,
        @Nullable String address,
        @Nullable String email,
        @Nullable String contactPersons,
        String preferredLanguage,
        @Nullable String notes) {

    /** An institution as lists show it. */
    public record ListItem(
            long id,
            String name,
            InstitutionType type,
            @Nullable String country,
            String preferredLanguage) {

        static ListItem of(InstitutionSummary summary) {
            return new ListItem(
                    summary.id().value(),
                    summary.name(),
                    summary.type(),
                    summary.country(),
                    summary.preferredLanguage());
        }
    }

    static InstitutionJson of(InstitutionDetails details) {
        return new InstitutionJson(
                details.id().value(),
                details.version(),
                details.name(),
                details.type(),
                details.country(),
                details.address(),
                details.email(),
                details.contactPersons(),
                details.preferredLanguage(),
                details.notes());
    }
}
