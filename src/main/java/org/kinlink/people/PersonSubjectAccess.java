package org.kinlink.people;

import java.util.List;
import org.kinlink.RecordNotFound;
import org.kinlink.access.AccessPolicy;
import org.kinlink.access.AccessPolicy.Visibility;
import org.kinlink.access.CaseAction;
import org.kinlink.audit.SubjectAccessGate;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may export what is held about a person (D7): a caseworker who may reveal the person's
 * sensitive fields, that is a caseworker of the team that registered them or of a team whose case
 * they are party to ({@link CaseAction#REVEAL_PERSON_FIELD}, own teams). Anyone else gets "not
 * found", with the refusal recorded.
 */
@Component
class PersonSubjectAccess implements SubjectAccessGate {

    private final PersonSubjectRepository persons;
    private final AccessPolicy policy;
    private final PersonCaseLinks caseLinks;

    PersonSubjectAccess(PersonSubjectRepository persons, AccessPolicy policy, PersonCaseLinks caseLinks) {
        this.persons = persons;
        this.policy = policy;
        this.caseLinks = caseLinks;
    }

    @Override
    public void requireSubjectAccess(long personId) {
        check(new PersonId(personId));
    }

    /** The person, if the caller may export their data; otherwise "not found" (refusal recorded). */
    Person check(PersonId id) {
        Person person = persons.findById(id.value()).orElseThrow(() -> new RecordNotFound("Person"));
        Visibility visibility = policy.visibility(CaseAction.REVEAL_PERSON_FIELD);
        boolean allowed = !visibility.none()
                && !visibility.all()
                && (visibility.teamIds().contains(person.teamId())
                        || !caseLinks
                                .linkedPersons(List.of(person.id()), visibility.teamIds(), false)
                                .isEmpty());
        if (!allowed) {
            try {
                policy.deny(CaseAction.REVEAL_PERSON_FIELD, "PERSON", id);
            } catch (AccessDeniedException denied) {
                throw new RecordNotFound("Person");
            }
        }
        return person;
    }

    /** The records merged into this person (they now point to it). */
    List<Long> mergedInto(long personId) {
        return persons.idsMergedInto(personId);
    }
}

interface PersonSubjectRepository extends Repository<Person, Long> {

    java.util.Optional<Person> findById(long id);

    @Query("select p.id from Person p where p.mergedIntoId = :id order by p.id")
    List<Long> idsMergedInto(@Param("id") long id);
}
