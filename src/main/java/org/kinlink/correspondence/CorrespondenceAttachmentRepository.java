package org.kinlink.correspondence;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CorrespondenceAttachmentRepository extends JpaRepository<CorrespondenceAttachment, Long> {

    List<CorrespondenceAttachment> findByCaseIdOrderByAddedAtAscIdAsc(long caseId);

    Optional<CorrespondenceAttachment> findByCaseIdAndEntryKeyAndStoredFileId(
            long caseId, String entryKey, long storedFileId);
}
