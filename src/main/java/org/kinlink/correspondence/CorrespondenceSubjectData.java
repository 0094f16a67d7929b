package org.kinlink.correspondence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kinlink.Roles;
import org.kinlink.StepUpCheck;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.kinlink.cases.CaseSubjectData;
import org.kinlink.cases.SubjectParty;
import org.kinlink.crypto.FieldBinding;
import org.kinlink.crypto.FieldCipher;
import org.kinlink.people.PersonId;
import org.kinlink.people.PersonSubjectData;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contacts log's part of a subject access export (D7): the latest revision of every entry in
 * which the person is the counterpart, in the cases the caller may read, with the summary in clear
 * (also of sensitive entries: it is the subject's own correspondence). Entries with another
 * counterpart, or none, are left out.
 */
@Service
public class CorrespondenceSubjectData {

    private final CaseSubjectData cases;
    private final CorrespondenceEntryRepository entries;
    private final FieldCipher cipher;
    private final StepUpCheck stepUp;
    private final AuditTrail audit;

    CorrespondenceSubjectData(
            CaseSubjectData cases,
            CorrespondenceEntryRepository entries,
            FieldCipher cipher,
            StepUpCheck stepUp,
            AuditTrail audit) {
        this.cases = cases;
        this.entries = entries;
        this.cipher = cipher;
        this.stepUp = stepUp;
        this.audit = audit;
    }

    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public List<SubjectEntry> entriesWith(PersonId person) {
        List<SubjectParty> parties = cases.partiesOf(person);
        stepUp.require(PersonSubjectData.STEP_UP);
        var result = new ArrayList<SubjectEntry>();
        for (SubjectParty party : parties) {
            entries.latestOfCase(party.caseRef().id().value()).stream()
                    .filter(e -> e.counterpartPartyId != null && e.counterpartPartyId == party.partyId())
                    .map(e -> new SubjectEntry(
                            party.caseRef().reference(),
                            e.occurredAt,
                            e.channel,
                            e.direction,
                            e.subject,
                            cipher.decrypt(
                                    e.summaryEnc, new FieldBinding("correspondence_entry", "summary_enc", e.rowKey))))
                    .forEach(result::add);
        }
        result.sort(Comparator.comparing(SubjectEntry::occurredAt));
        audit.record(
                AuditEntry.success("SUBJECT_DATA_READ", "PERSON", person).because("correspondence: " + result.size()));
        return result;
    }
}
