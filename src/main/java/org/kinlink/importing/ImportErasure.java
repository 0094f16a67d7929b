package org.kinlink.importing;

import java.util.Collection;
import org.kinlink.Roles;
import org.kinlink.people.PersonId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The import side of an erasure (D7): the import items that name the erased persons go (the batch
 * keeps its row count; undoing it later simply finds those persons gone). Called only by the privacy
 * module inside its transaction; administrators only.
 */
@Service
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class ImportErasure {

    private final JdbcTemplate jdbc;

    ImportErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public int footprint(Collection<PersonId> persons) {
        int items = 0;
        for (PersonId person : persons) {
            Integer n = jdbc.queryForObject(
                    "select count(*) from import_batch_item where record_type = 'PERSON' and record_key = ?",
                    Integer.class,
                    person.toString());
            items += n == null ? 0 : n;
        }
        return items;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public int erase(Collection<PersonId> persons) {
        int deleted = 0;
        for (PersonId person : persons) {
            deleted += jdbc.update(
                    "delete from import_batch_item where record_type = 'PERSON' and record_key = ?", person.toString());
        }
        return deleted;
    }
}
