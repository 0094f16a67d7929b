package org.kinlink.letters;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Letter references {@code KL-L-YYYY-NNNN}, gap-free per year: a counter row per year, locked in the
 * transaction that creates the letter (a rolled-back letter gives its number back).
 */
@Component
class LetterReferences {

    private final JdbcClient jdbc;

    LetterReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String next(int year) {
        jdbc.sql("INSERT IGNORE INTO letter_reference_counter (ref_year, last_number) VALUES (?, 0)")
                .param(year)
                .update();
        long last = jdbc.sql("SELECT last_number FROM letter_reference_counter WHERE ref_year = ? FOR UPDATE")
                .param(year)
                .query(Long.class)
                .single();
        long next = last + 1;
        jdbc.sql("UPDATE letter_reference_counter SET last_number = ? WHERE ref_year = ?")
                .params(next, year)
                .update();
        return String.format("KL-L-%04d-%04d", year, next);
    }
}
