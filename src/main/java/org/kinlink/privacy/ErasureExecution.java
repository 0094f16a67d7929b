package org.kinlink.privacy;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import org.kinlink.cases.CaseErasure;
import org.kinlink.correspondence.CorrespondenceErasure;
import org.kinlink.importing.ImportErasure;
import org.kinlink.letters.LetterErasure;
import org.kinlink.people.ErasedNames;
import org.kinlink.people.PersonErasure;
import org.kinlink.people.PersonId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out the erasure of one person through the services each module exposes for it, in the
 * caller's transaction (all or nothing): the contacts log first (it refers to the person's case
 * parties), then the letters' register, the import items, the cases (parties, consent,
 * disclosures, names in free text) and last the person's own rows, whose removal proves with the
 * foreign-key catalogue that nothing refers to the person any more. Privacy never touches another
 * module's tables itself.
 */
@Component
class ErasureExecution {

    /** What was removed, and which cases were anonymised because they lost their only enquirer or sought person. */
    record Result(ErasurePreview removed, List<String> anonymisedCases, int filesDeleted, ErasedNames names) {}

    private final PersonErasure people;
    private final CaseErasure cases;
    private final CorrespondenceErasure correspondence;
    private final LetterErasure letters;
    private final ImportErasure imports;

    ErasureExecution(
            PersonErasure people,
            CaseErasure cases,
            CorrespondenceErasure correspondence,
            LetterErasure letters,
            ImportErasure imports) {
        this.people = people;
        this.cases = cases;
        this.correspondence = correspondence;
        this.letters = letters;
        this.imports = imports;
    }

    ErasurePreview preview(PersonId person) {
        PersonErasure.Footprint own = people.footprint(person);
        CaseErasure.Footprint inCases = cases.footprint(own.records());
        List<Long> parties =
                inCases.parties().stream().map(CaseErasure.PartyLink::partyId).toList();
        CorrespondenceErasure.Footprint log = correspondence.footprint(parties);
        LetterErasure.Footprint register = letters.footprint(own.records());
        return new ErasurePreview(
                own.records().size(),
                own.nameVariants(),
                own.documents(),
                own.matchKeys(),
                inCases.parties().stream()
                        .map(CaseErasure.PartyLink::reference)
                        .distinct()
                        .toList(),
                inCases.parties().size(),
                inCases.consentRecords(),
                inCases.disclosures(),
                log.entries(),
                log.attachments(),
                register.registerRows(),
                register.letters(),
                imports.footprint(own.records()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Result execute(PersonId person, String token, Instant now) {
        ErasurePreview removed = preview(person);
        List<PersonId> records = people.footprint(person).records();
        ErasedNames names = people.names(person, token);
        List<CaseErasure.PartyLink> parties = cases.parties(records);
        var caseIds = new LinkedHashSet<Long>();
        parties.forEach(p -> caseIds.add(p.caseId()));
        int files = correspondence.erase(
                parties.stream().map(CaseErasure.PartyLink::partyId).toList(), caseIds, names);
        files += letters.erase(records, names);
        imports.erase(records);
        List<String> anonymised = cases.erase(records, names, now);
        var emptied = new LinkedHashSet<Long>();
        for (CaseErasure.PartyLink party : parties) {
            if (anonymised.contains(party.reference()) && emptied.add(party.caseId())) {
                files += correspondence.anonymiseCase(party.caseId());
            }
        }
        people.erase(person);
        return new Result(removed, anonymised, files, names);
    }
}
