package org.kinlink.cases;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Human case references, {@code KL-YYYY-NNNNNN}, numbered per year in the database (a locked
 * counter row per year), so several application nodes never hand out the same one.
 */
@Component
class CaseReferences {

    private final JdbcClient jdbc;

    CaseReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String next(int year) {
        jdbc.sql("INSERT IGNORE INTO case_reference_counter (ref_year, last_number) VALUES (?, 0)")
                .param(year)
                .update();
        long last = jdbc.sql("SELECT last_number FROM case_reference_counter WHERE ref_year = ? FOR UPDATE")
                .param(year)
                .query(Long.class)
                .single();
        long next = last + 1;
        jdbc.sql("UPDATE case_reference_counter SET last_number = ? WHERE ref_year = ?")
                .params(next, year)
                .update();
        return String.format("KL-%04d-%06d", year, next);
    }
}
