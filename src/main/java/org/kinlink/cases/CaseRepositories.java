package org.kinlink.cases;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseFileRepository extends JpaRepository<CaseFile, Long> {

    Optional<CaseFile> findByReference(String reference);
}

interface PartyRepository extends JpaRepository<Party, Long> {

    List<Party> findByCaseIdOrderById(long caseId);

    List<Party> findByCaseIdIn(Collection<Long> caseIds);

    List<Party> findByPersonIdAndRole(long personId, PartyRole role);

    List<Party> findByPersonId(long personId);
}

interface StatusChangeRepository extends JpaRepository<StatusChange, Long> {

    List<StatusChange> findByCaseIdOrderByChangedAtDescIdDesc(long caseId);
}

interface ConsentRepository extends JpaRepository<Consent, Long> {

    List<Consent> findByCaseId(long caseId);

    Optional<Consent> findBySoughtPartyId(long soughtPartyId);
}

interface ConsentRecordRepository extends JpaRepository<ConsentRecord, Long> {

    List<ConsentRecord> findByConsentIdInOrderByRecordedAtDescIdDesc(Collection<Long> consentIds);
}

interface DisclosureRepository extends JpaRepository<Disclosure, Long> {

    List<Disclosure> findByCaseIdOrderByRecordedAtDesc(long caseId);
}
