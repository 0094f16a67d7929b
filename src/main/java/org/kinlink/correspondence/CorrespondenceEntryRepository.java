package org.kinlink.correspondence;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CorrespondenceEntryRepository extends JpaRepository<CorrespondenceEntry, Long> {

    /** The latest revision of every entry of the case, newest contact first. */
    @Query("""
            select e from CorrespondenceEntry e
            where e.caseId = :caseId and e.revision = (
              select max(o.revision) from CorrespondenceEntry o where o.entryKey = e.entryKey)
            order by e.occurredAt desc, e.id desc""")
    List<CorrespondenceEntry> latestOfCase(long caseId);

    List<CorrespondenceEntry> findByEntryKeyOrderByRevisionDesc(String entryKey);
}
