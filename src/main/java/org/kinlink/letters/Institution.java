package org.kinlink.letters;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "institution")
class Institution {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    @Column(nullable = false, length = 300)
    String name = "";

    @Enumerated(EnumType.STRING)
    @Column(name = "institution_type", nullable = false, length = 32)
    InstitutionType type = InstitutionType.OTHER;

    @Column(length = 100)
    @Nullable
    String country;

    @Column(length = 1000)
    @Nullable
    String address;

    @Column(length = 200)
    @Nullable
    String email;

    @Column(name = "contact_persons", length = 2000)
    @Nullable
    String contactPersons;

    @Column(name = "preferred_language", nullable = false, length = 8)
    String preferredLanguage = "en";

    @Column(length = 2000)
    @Nullable
    String notes;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt = Instant.EPOCH;

    long id() {
        return id == null ? 0 : id;
    }

    long version() {
        return version;
    }

    InstitutionSummary summary() {
        return new InstitutionSummary(new InstitutionId(id()), name, type, country, preferredLanguage);
    }

    InstitutionDetails details() {
        return new InstitutionDetails(
                new InstitutionId(id()),
                version,
                name,
                type,
                country,
                address,
                email,
                contactPersons,
                preferredLanguage,
                notes);
    }
}
