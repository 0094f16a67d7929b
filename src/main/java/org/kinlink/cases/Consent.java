package org.kinlink.cases;

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

/** The current consent state for one sought person of a case; every change also adds a {@link ConsentRecord}. */
@Entity
@Table(name = "case_consent")
class Consent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    long caseId;

    @Column(name = "sought_party_id", nullable = false, updatable = false)
    long soughtPartyId;

    @Enumerated(EnumType.STRING)
    @Column(name = "tracing_consent", nullable = false, length = 16)
    TracingConsent tracingConsent = TracingConsent.NOT_RECORDED;

    @Column(name = "tracing_consent_at")
    @Nullable
    Instant tracingConsentAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    DisclosureDecision disclosure = DisclosureDecision.NOT_ASKED;

    @Column(name = "disclosure_at")
    @Nullable
    Instant disclosureAt;

    @Version
    private long version;

    protected Consent() {}

    Consent(long caseId, long soughtPartyId) {
        this.caseId = caseId;
        this.soughtPartyId = soughtPartyId;
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("not saved yet");
        }
        return id;
    }

    long version() {
        return version;
    }
}
