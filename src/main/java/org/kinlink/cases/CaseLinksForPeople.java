package org.kinlink.cases;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.kinlink.InvalidInput;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.kinlink.people.PersonCaseLinks;
import org.kinlink.people.PersonsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** What the people module needs to know about cases, and what a merge of two persons changes here. */
@Component
class CaseLinksForPeople implements PersonCaseLinks {

    private final CaseQueries queries;
    private final PartyRepository parties;
    private final CaseFileRepository cases;
    private final AuditTrail audit;

    CaseLinksForPeople(CaseQueries queries, PartyRepository parties, CaseFileRepository cases, AuditTrail audit) {
        this.queries = queries;
        this.parties = parties;
        this.cases = cases;
        this.audit = audit;
    }

    @Override
    public Set<Long> teamsOfCasesWith(long personId) {
        return queries.teamsOfCasesWith(personId);
    }

    @Override
    public Set<Long> linkedPersons(Collection<Long> personIds, Set<Long> teamIds, boolean anyTeam) {
        return queries.linkedPersons(personIds, teamIds, anyTeam);
    }

    /** Runs inside the merge's transaction: the absorbed person's parts in cases pass to the kept person. */
    @EventListener
    public void personsMerged(PersonsMerged merged) {
        List<Party> absorbed = parties.findByPersonId(merged.absorbed().value());
        Set<Long> keptCases = parties.findByPersonId(merged.kept().value()).stream()
                .map(Party::caseId)
                .collect(java.util.stream.Collectors.toSet());
        for (Party party : absorbed) {
            if (keptCases.contains(party.caseId())) {
                throw new InvalidInput("absorbed", "person.merge-same-case");
            }
            party.personId = merged.kept().value();
        }
        parties.saveAllAndFlush(absorbed);
        for (Party party : absorbed) {
            cases.findById(party.caseId())
                    .ifPresent(file -> audit.record(AuditEntry.success("CASE_PARTY_CHANGED", "CASE", file.reference())
                            .because("person " + merged.absorbed() + " merged into " + merged.kept())));
        }
    }
}
