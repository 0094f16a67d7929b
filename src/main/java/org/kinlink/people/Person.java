package org.kinlink.people;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;

/**
 * A person. Columns ending in {@code Enc} hold ciphertext produced by the service (bound to this
 * row's {@code rowKey}); the entity never sees a sensitive value in clear.
 */
@Entity
@Table(name = "person")
class Person {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "row_key", nullable = false, length = 36, updatable = false, columnDefinition = "CHAR(36)")
    private String rowKey = UUID.randomUUID().toString();

    @Column(name = "team_id", nullable = false)
    private long teamId;

    @Column(name = "given_latin")
    @Nullable
    String givenLatin;

    @Column(name = "family_latin")
    @Nullable
    String familyLatin;

    @Column(name = "father_latin")
    @Nullable
    String fatherLatin;

    @Column(name = "given_native")
    @Nullable
    String givenNative;

    @Column(name = "family_native")
    @Nullable
    String familyNative;

    @Column(name = "father_native")
    @Nullable
    String fatherNative;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    Sex sex = Sex.UNKNOWN;

    @Column(name = "birth_date_enc")
    @Nullable
    String birthDateEnc;

    @Column(name = "place_of_birth")
    @Nullable
    String placeOfBirth;

    @Column(name = "nationality")
    @Nullable
    String nationality;

    @Column(name = "last_known_location_enc", columnDefinition = "TEXT")
    @Nullable
    String lastKnownLocationEnc;

    @Column(name = "phone_enc")
    @Nullable
    String phoneEnc;

    @Column(name = "phone_index", length = 80)
    @Nullable
    String phoneIndex;

    @Column(name = "email_enc", length = 1500)
    @Nullable
    String emailEnc;

    @Column(name = "email_index", length = 80)
    @Nullable
    String emailIndex;

    @Column(name = "postal_address_enc", columnDefinition = "TEXT")
    @Nullable
    String postalAddressEnc;

    @Column(name = "messaging_handle_enc", length = 1500)
    @Nullable
    String messagingHandleEnc;

    @Column(name = "notes_enc", columnDefinition = "TEXT")
    @Nullable
    String notesEnc;

    @Column(name = "merged_into_id")
    @Nullable
    Long mergedIntoId;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "person_id", nullable = false)
    @OrderBy("id")
    @BatchSize(size = 100)
    final List<PersonNameVariant> otherNames = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "person_id", nullable = false)
    @OrderBy("id")
    @BatchSize(size = 100)
    final List<PersonDocument> documents = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    private long version;

    protected Person() {
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    Person(long teamId, Instant createdAt) {
        this.teamId = teamId;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("not saved yet");
        }
        return id;
    }

    String rowKey() {
        return rowKey;
    }

    long teamId() {
        return teamId;
    }

    long version() {
        return version;
    }

    Instant createdAt() {
        return createdAt;
    }

    PersonNames names() {
        return new PersonNames(givenLatin, familyLatin, fatherLatin, givenNative, familyNative, fatherNative);
    }

    void rename(PersonNames names) {
        this.givenLatin = names.givenLatin();
        this.familyLatin = names.familyLatin();
        this.fatherLatin = names.fatherLatin();
        this.givenNative = names.givenNative();
        this.familyNative = names.familyNative();
        this.fatherNative = names.fatherNative();
    }

    boolean merged() {
        return mergedIntoId != null;
    }
}
