package org.kinlink.correspondence;

import java.util.Collection;
import java.util.List;
import org.kinlink.Roles;
import org.kinlink.files.FileErasure;
import org.kinlink.files.StoredFileId;
import org.kinlink.people.ErasedNames;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes from the contacts log what an erasure or an anonymisation must not leave (D7): for
 * entries (every revision) whose counterpart is an erased party, the counterpart, the summary and
 * the attached files; in the cases concerned, the person's names in the subjects, free-text
 * counterparts and correction reasons become the pseudonym. When a case is anonymised, every
 * entry loses its counterpart, summary, subject text and attachments (date, channel and direction
 * stay). Called only by the privacy module inside its transaction; administrators only.
 */
@Service
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class CorrespondenceErasure {

    /** Entries (counted once over their revisions) with an erased party as counterpart, and their files. */
    public record Footprint(int entries, int attachments) {}

    private final JdbcTemplate jdbc;
    private final FileErasure files;

    CorrespondenceErasure(JdbcTemplate jdbc, FileErasure files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    @Transactional(readOnly = true)
    public Footprint footprint(Collection<Long> partyIds) {
        int entries = 0;
        int attachments = 0;
        for (long party : partyIds) {
            for (var key : entryKeys(party)) {
                entries++;
                Integer n = jdbc.queryForObject(
                        "select count(*) from correspondence_attachment where case_id = ? and entry_key = ?",
                        Integer.class,
                        key.caseId(),
                        key.entryKey());
                attachments += n == null ? 0 : n;
            }
        }
        return new Footprint(entries, attachments);
    }

    /** Takes the erased parties and the person's names out of the contacts log of the cases; answers the files deleted. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int erase(Collection<Long> partyIds, Collection<Long> caseIds, ErasedNames names) {
        int deletedFiles = 0;
        for (long party : partyIds) {
            for (var key : entryKeys(party)) {
                deletedFiles += removeAttachments(
                        "select stored_file_id from correspondence_attachment where case_id = ? and entry_key = ?",
                        "delete from correspondence_attachment where case_id = ? and entry_key = ?",
                        key.caseId(),
                        key.entryKey());
                jdbc.update(
                        "update correspondence_entry set counterpart_party_id = null, counterpart_text = null,"
                                + " summary_enc = null where case_id = ? and entry_key = ?",
                        key.caseId(),
                        key.entryKey());
            }
        }
        for (long caseId : caseIds) {
            jdbc.query(
                    "select id, subject, counterpart_text, correction_reason from correspondence_entry where case_id = ?",
                    rs -> {
                        String subject = rs.getString(2);
                        String counterpart = rs.getString(3);
                        String correction = rs.getString(4);
                        if (names.occursIn(subject) || names.occursIn(counterpart) || names.occursIn(correction)) {
                            jdbc.update(
                                    "update correspondence_entry set subject = ?, counterpart_text = ?,"
                                            + " correction_reason = ? where id = ?",
                                    names.scrub(subject),
                                    names.scrub(counterpart),
                                    names.scrub(correction),
                                    rs.getLong(1));
                        }
                    },
                    caseId);
        }
        return deletedFiles;
    }

    /** Empties every entry of an anonymised case and deletes its attachments; answers the files deleted. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int anonymiseCase(long caseId) {
        int deleted = removeAttachments(
                "select stored_file_id from correspondence_attachment where case_id = ?",
                "delete from correspondence_attachment where case_id = ?",
                caseId);
        jdbc.update(
                "update correspondence_entry set counterpart_party_id = null, counterpart_text = null,"
                        + " summary_enc = null, subject = '-', correction_reason = null where case_id = ?",
                caseId);
        return deleted;
    }

    private int removeAttachments(String select, String delete, Object... args) {
        List<StoredFileId> stored = jdbc.queryForList(select, Long.class, args).stream()
                .map(StoredFileId::new)
                .toList();
        jdbc.update(delete, args);
        return files.delete(stored);
    }

    private List<EntryKey> entryKeys(long partyId) {
        return jdbc.query(
                "select distinct case_id, entry_key from correspondence_entry where counterpart_party_id = ?",
                (rs, n) -> new EntryKey(rs.getLong(1), rs.getString(2)),
                partyId);
    }

    private record EntryKey(long caseId, String entryKey) {}
}
