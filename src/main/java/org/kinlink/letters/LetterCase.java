package org.kinlink.letters;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** A case a letter is about, with the case's team: who may see the letter. */
@Entity
@Table(name = "letter_case")
class LetterCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "letter_id", nullable = false)
    long letterId;

    @Column(name = "case_id", nullable = false)
    long caseId;

    @Column(name = "case_reference", nullable = false, length = 20)
    String caseReference = "";

    @Column(name = "team_id", nullable = false)
    long teamId;

    protected LetterCase() {}

    LetterCase(long letterId, long caseId, String caseReference, long teamId) {
        this.letterId = letterId;
        this.caseId = caseId;
        this.caseReference = caseReference;
        this.teamId = teamId;
    }
}
