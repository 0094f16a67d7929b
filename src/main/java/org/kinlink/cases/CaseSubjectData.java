package org.kinlink.cases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kinlink.Roles;
import org.kinlink.StepUpCheck;
import org.kinlink.access.AccessPolicy;
import org.kinlink.access.CaseAction;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.kinlink.audit.SubjectAccessGate;
import org.kinlink.people.PersonId;
import org.kinlink.people.PersonSubjectData;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases module's part of a subject access export (D7): the cases a person is party to, among
 * the cases the caller may read (their teams'), with only what concerns that person. The caller
 * must be allowed to export the person's data ({@link SubjectAccessGate}); another team's person
 * is "not found".
 */
@Service
public class CaseSubjectData {

    private final SubjectAccessGate gate;
    private final AccessPolicy policy;
    private final PartyRepository parties;
    private final CaseFileRepository cases;
    private final StatusChangeRepository statusChanges;
    private final ConsentRepository consents;
    private final ConsentRecordRepository consentRecords;
    private final DisclosureRepository disclosures;
    private final StepUpCheck stepUp;
    private final AuditTrail audit;

    CaseSubjectData(
            SubjectAccessGate gate,
            AccessPolicy policy,
            PartyRepository parties,
            CaseFileRepository cases,
            StatusChangeRepository statusChanges,
            ConsentRepository consents,
            ConsentRecordRepository consentRecords,
            DisclosureRepository disclosures,
            StepUpCheck stepUp,
            AuditTrail audit) {
        this.gate = gate;
        this.policy = policy;
        this.parties = parties;
        this.cases = cases;
        this.statusChanges = statusChanges;
        this.consents = consents;
        this.consentRecords = consentRecords;
        this.disclosures = disclosures;
        this.stepUp = stepUp;
        this.audit = audit;
    }

    /** The person's parties in the cases the caller may read (references and party ids only). */
    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional(readOnly = true)
    public List<SubjectParty> partiesOf(PersonId person) {
        gate.requireSubjectAccess(person.value());
        var result = new ArrayList<SubjectParty>();
        for (Party party : parties.findByPersonId(person.value())) {
            cases.findById(party.caseId())
                    .filter(file -> policy.permits(CaseAction.READ_CASE, file.teamId))
                    .ifPresent(file -> result.add(new SubjectParty(
                            new CaseRef(new CaseId(file.id()), file.reference(), file.teamId), party.id())));
        }
        result.sort(Comparator.comparing(p -> p.caseRef().reference()));
        return result;
    }

    /** What the caller's teams' cases hold about the person; after a step-up, recorded. */
    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public List<CaseSubjectRecord> casesOf(PersonId person) {
        gate.requireSubjectAccess(person.value());
        stepUp.require(PersonSubjectData.STEP_UP);
        var result = new ArrayList<CaseSubjectRecord>();
        for (Party party : parties.findByPersonId(person.value())) {
            CaseFile file = cases.findById(party.caseId()).orElse(null);
            if (file == null || !policy.permits(CaseAction.READ_CASE, file.teamId)) {
                continue;
            }
            var consent = consents.findBySoughtPartyId(party.id()).orElse(null);
            List<CaseSubjectRecord.ConsentEntry> records = consent == null
                    ? List.of()
                    : consentRecords.findByConsentIdInOrderByRecordedAtDescIdDesc(List.of(consent.id())).stream()
                            .map(r -> new CaseSubjectRecord.ConsentEntry(
                                    r.subject, r.decision, r.decidedOn, r.obtainedHow, r.recordedAt))
                            .toList();
            result.add(new CaseSubjectRecord(
                    file.reference(),
                    file.status,
                    file.openedAt(),
                    file.closedAt,
                    party.role,
                    party.relationship,
                    party.addedAt(),
                    statusChanges.findByCaseIdOrderByChangedAtDescIdDesc(file.id()).stream()
                            .map(s -> new CaseSubjectRecord.StatusStep(s.from, s.to, s.changedAt))
                            .toList(),
                    consent == null ? null : consent.tracingConsent,
                    consent == null ? null : consent.disclosure,
                    records,
                    disclosures.findByCaseIdOrderByRecordedAtDesc(file.id()).stream()
                            .filter(d -> d.soughtPartyId == party.id())
                            .map(d -> new CaseSubjectRecord.PassedOn(d.kind, d.recordedAt))
                            .toList()));
        }
        result.sort(Comparator.comparing(CaseSubjectRecord::reference));
        audit.record(AuditEntry.success("SUBJECT_DATA_READ", "PERSON", person).because("cases: " + result.size()));
        return result;
    }
}
