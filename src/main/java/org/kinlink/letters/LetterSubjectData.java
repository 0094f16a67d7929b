package org.kinlink.letters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kinlink.Roles;
import org.kinlink.StepUpCheck;
import org.kinlink.access.AccessPolicy;
import org.kinlink.access.AccessPolicy.Visibility;
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
 * The letters' part of a subject access export (D7): the disclosure register lines about the
 * person (the recipients of their data), in letters about the caller's teams' cases. Withdrawn
 * drafts are included with their status, since the register still holds them.
 */
@Service
public class LetterSubjectData {

    private final SubjectAccessGate gate;
    private final AccessPolicy policy;
    private final LetterDisclosureRepository register;
    private final LetterCaseRepository letterCases;
    private final LetterRepository letters;
    private final InstitutionRepository institutions;
    private final StepUpCheck stepUp;
    private final AuditTrail audit;

    LetterSubjectData(
            SubjectAccessGate gate,
            AccessPolicy policy,
            LetterDisclosureRepository register,
            LetterCaseRepository letterCases,
            LetterRepository letters,
            InstitutionRepository institutions,
            StepUpCheck stepUp,
            AuditTrail audit) {
        this.gate = gate;
        this.policy = policy;
        this.register = register;
        this.letterCases = letterCases;
        this.letters = letters;
        this.institutions = institutions;
        this.stepUp = stepUp;
        this.audit = audit;
    }

    @PreAuthorize("hasRole('" + Roles.CASEWORKER + "')")
    @Transactional
    public List<SubjectDisclosure> disclosuresAbout(PersonId person) {
        gate.requireSubjectAccess(person.value());
        stepUp.require(PersonSubjectData.STEP_UP);
        Visibility visibility = policy.visibility(CaseAction.SEE_LETTER);
        List<LetterDisclosure> rows = register.findByPersonId(person.value());
        var result = new ArrayList<SubjectDisclosure>();
        if (!rows.isEmpty() && !visibility.none()) {
            Map<Long, List<LetterCase>> casesByLetter =
                    letterCases
                            .findByLetterIdIn(rows.stream().map(d -> d.letterId).collect(Collectors.toSet()))
                            .stream()
                            .collect(Collectors.groupingBy(c -> c.letterId));
            Map<Long, Letter> byId =
                    letters.findByIdIn(casesByLetter.keySet()).stream().collect(Collectors.toMap(Letter::id, l -> l));
            for (LetterDisclosure row : rows) {
                Letter letter = byId.get(row.letterId);
                LetterCase ofCase = casesByLetter.getOrDefault(row.letterId, List.of()).stream()
                        .filter(c -> c.caseId == row.caseId && visibility.includes(c.teamId))
                        .findFirst()
                        .orElse(null);
                if (letter == null || ofCase == null) {
                    continue;
                }
                String institution = institutions
                        .findById(letter.institutionId)
                        .map(i -> i.name)
                        .orElse("");
                result.add(new SubjectDisclosure(
                        letter.reference,
                        ofCase.caseReference,
                        institution,
                        letter.status,
                        letter.sentOn,
                        row.category,
                        row.basis));
            }
        }
        result.sort(Comparator.comparing(SubjectDisclosure::letterReference));
        audit.record(AuditEntry.success("SUBJECT_DATA_READ", "PERSON", person)
                .because("disclosure register: " + result.size()));
        return result;
    }
}
