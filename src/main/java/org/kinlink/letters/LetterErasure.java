package org.kinlink.letters;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.kinlink.Roles;
import org.kinlink.files.FileErasure;
import org.kinlink.files.StoredFileId;
import org.kinlink.people.ErasedNames;
import org.kinlink.people.PersonId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letters side of an erasure (D7): the disclosure register rows about the person are deleted,
 * and every letter that disclosed something about them loses its body, its PDF, the answer's summary
 * and file (the letter's reference, institution, status and dates stay, so that the register of
 * letters still shows that a letter was sent; the erasure's audit event names the letters by
 * reference). The person's names are taken out of those letters' subjects and status notes. Called
 * only by the privacy module inside its transaction; administrators only.
 */
@Service
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class LetterErasure {

    /** Register rows about the persons, and the references of the letters concerned. */
    public record Footprint(int registerRows, List<String> letters) {}

    private final JdbcTemplate jdbc;
    private final FileErasure files;

    LetterErasure(JdbcTemplate jdbc, FileErasure files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    @Transactional(readOnly = true)
    public Footprint footprint(Collection<PersonId> persons) {
        int rows = 0;
        var letters = new LinkedHashSet<String>();
        for (PersonId person : persons) {
            Integer n = jdbc.queryForObject(
                    "select count(*) from letter_disclosure where person_id = ?", Integer.class, person.value());
            rows += n == null ? 0 : n;
            letters.addAll(jdbc.queryForList(
                    "select distinct l.reference from letter_disclosure d join letter l on l.id = d.letter_id"
                            + " where d.person_id = ? order by l.reference",
                    String.class,
                    person.value()));
        }
        return new Footprint(rows, List.copyOf(letters));
    }

    /** Removes the register rows and the letters' contents (see the class comment); answers the files deleted. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int erase(Collection<PersonId> persons, ErasedNames names) {
        var letterIds = new LinkedHashSet<Long>();
        for (PersonId person : persons) {
            letterIds.addAll(jdbc.queryForList(
                    "select distinct letter_id from letter_disclosure where person_id = ?",
                    Long.class,
                    person.value()));
            jdbc.update("delete from letter_disclosure where person_id = ?", person.value());
        }
        var stored = new ArrayList<StoredFileId>();
        for (long letterId : letterIds) {
            jdbc.query(
                    "select pdf_file_id, answer_file_id, subject from letter where id = ?",
                    rs -> {
                        for (int i = 1; i <= 2; i++) {
                            long file = rs.getLong(i);
                            if (!rs.wasNull()) {
                                stored.add(new StoredFileId(file));
                            }
                        }
                        jdbc.update(
                                "update letter set body_enc = null, answer_summary_enc = null, pdf_file_id = null,"
                                        + " answer_file_id = null, subject = ?, version = version + 1 where id = ?",
                                names.scrub(rs.getString(3)),
                                letterId);
                    },
                    letterId);
            jdbc.query(
                    "select id, note from letter_status_change where letter_id = ?",
                    rs -> {
                        if (names.occursIn(rs.getString(2))) {
                            jdbc.update(
                                    "update letter_status_change set note = ? where id = ?",
                                    names.scrub(rs.getString(2)),
                                    rs.getLong(1));
                        }
                    },
                    letterId);
        }
        return files.delete(stored);
    }
}
