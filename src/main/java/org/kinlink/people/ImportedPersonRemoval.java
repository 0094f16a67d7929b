package org.kinlink.people;

import java.util.Set;
import org.kinlink.database.ForeignKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Removes a person that an import created, for {@link PersonService#deleteImported}. Their name
 * variants, documents and match keys (blind indexes) go with them (foreign keys with cascade). A
 * person any other row refers to (a case party, a person merged into them — whatever table has a
 * foreign key to {@code person}) is not removed. Table and column names come from the database's
 * own catalogue, never from input; values are bound parameters (I1).
 */
@Component
class ImportedPersonRemoval {

    /** Rows that belong to the person and are removed with them (cascade). */
    private static final Set<String> OWN = Set.of("person_name_variant", "person_document", "person_match_key");

    private final JdbcTemplate jdbc;

    ImportedPersonRemoval(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether a row outside the person's own names, documents and match keys refers to them. */
    boolean referencedElsewhere(long personId) {
        return ForeignKeys.referencedOutside(jdbc, "person", personId, OWN);
    }

    void remove(long personId) {
        jdbc.update("delete from person_match_key where person_id = ?", personId);
        jdbc.update("delete from person_name_variant where person_id = ?", personId);
        jdbc.update("delete from person_document where person_id = ?", personId);
        jdbc.update("delete from person where id = ?", personId);
    }
}
