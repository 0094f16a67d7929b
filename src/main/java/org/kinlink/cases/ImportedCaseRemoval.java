package org.kinlink.cases;

import java.util.Set;
import org.kinlink.database.ForeignKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Removes a case that an import created, with the rows its creation made (parties, status
 * history, the empty consent row), for {@link CaseService#deleteImported}. A case that any other row refers to (a contacts
 * log entry, a letter, a consent, a disclosure — whatever table has a foreign key to
 * {@code case_file}) is not removed. Table and column names come from the database's own catalogue,
 * never from input; values are bound parameters (I1).
 */
@Component
class ImportedCaseRemoval {

    /**
     * Rows that creating, staffing and moving an imported case writes (adding the sought person
     * opens an empty consent row); removed with it.
     */
    private static final Set<String> OWN = Set.of("case_party", "case_status_change", "case_consent");

    private final JdbcTemplate jdbc;

    ImportedCaseRemoval(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether a row outside the case's own parties and history refers to the case. */
    boolean referencedElsewhere(long caseId) {
        // the consent row the import opened must still be untouched, without decision records
        Integer consentChanges = jdbc.queryForObject(
                "select count(*) from case_consent c where c.case_id = ? and (c.version <> 0"
                        + " or exists (select 1 from case_consent_record r where r.consent_id = c.id))",
                Integer.class,
                caseId);
        if (consentChanges != null && consentChanges > 0) {
            return true;
        }
        return ForeignKeys.referencedOutside(jdbc, "case_file", caseId, OWN);
    }

    void remove(long caseId) {
        jdbc.update("delete from case_status_change where case_id = ?", caseId);
        jdbc.update("delete from case_consent where case_id = ?", caseId);
        jdbc.update("delete from case_party where case_id = ?", caseId);
        jdbc.update("delete from case_file where id = ?", caseId);
    }
}
