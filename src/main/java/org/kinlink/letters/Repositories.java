package org.kinlink.letters;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface InstitutionRepository
        extends JpaRepository<Institution, Long>,
                org.springframework.data.jpa.repository.JpaSpecificationExecutor<Institution> {}

interface LetterRepository extends JpaRepository<Letter, Long> {

    Optional<Letter> findByReference(String reference);

    List<Letter> findByIdIn(Collection<Long> ids);
}

interface LetterCaseRepository extends JpaRepository<LetterCase, Long> {

    List<LetterCase> findByLetterIdOrderById(long letterId);

    List<LetterCase> findByLetterIdIn(Collection<Long> letterIds);

    List<LetterCase> findByCaseReference(String caseReference);

    List<LetterCase> findByCaseId(long caseId);
}

interface LetterStatusChangeRepository extends JpaRepository<LetterStatusChange, Long> {

    List<LetterStatusChange> findByLetterIdOrderByChangedAtDescIdDesc(long letterId);
}

interface LetterDisclosureRepository extends JpaRepository<LetterDisclosure, Long> {

    List<LetterDisclosure> findByLetterIdOrderById(long letterId);

    List<LetterDisclosure> findByPersonId(long personId);

    void deleteByLetterId(long letterId);
}
