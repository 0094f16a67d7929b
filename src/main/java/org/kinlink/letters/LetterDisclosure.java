package org.kinlink.letters;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** One line of a letter's disclosure register. */
@Entity
@Table(name = "letter_disclosure")
class LetterDisclosure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "letter_id", nullable = false)
    long letterId;

    @Column(name = "case_id", nullable = false)
    long caseId;

    @Column(name = "person_id", nullable = false)
    long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    DataCategory category = DataCategory.NAME;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    LegalBasis basis = LegalBasis.LEGITIMATE_INTEREST;

    protected LetterDisclosure() {}

    LetterDisclosure(long letterId, long caseId, long personId, DataCategory category, LegalBasis basis) {
        this.letterId = letterId;
        this.caseId = caseId;
        this.personId = personId;
        this.category = category;
        this.basis = basis;
    }
}
