package org.kinlink.people;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kinlink.RecordNotFound;
import org.kinlink.Roles;
import org.kinlink.database.ForeignKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes a person's own rows for an erasure (D7): the person, every record merged into them (the
 * same human), their name variants, documents and match keys (the blind indexes of names, phone,
 * e-mail and document numbers). Called only by the privacy module's erasure, inside its
 * transaction, after the other modules removed what refers to the person; it then proves with the
 * database's foreign-key catalogue that nothing refers to them any more, and fails (rolling the
 * whole erasure back) otherwise. Administrators only (an approved erasure or the retention job).
 */
@Service
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class PersonErasure {

    /** Rows that belong to a person and go with them. */
    private static final Set<String> OWN = Set.of("person_name_variant", "person_document", "person_match_key");

    /** What an erasure of the person removes in this module (counts only). */
    public record Footprint(List<PersonId> records, int nameVariants, int documents, int matchKeys) {}

    private final JdbcTemplate jdbc;

    PersonErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The person's records (the person first, then those merged into them) and counts of their rows. */
    @Transactional(readOnly = true)
    public Footprint footprint(PersonId id) {
        List<Long> records = records(id);
        return new Footprint(
                records.stream().map(PersonId::new).toList(),
                count("person_name_variant", records),
                count("person_document", records),
                count("person_match_key", records));
    }

    /** Every name of the person and of the records merged into them, for taking them out of free text. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public ErasedNames names(PersonId id, String token) {
        var names = new ArrayList<String>();
        for (long record : records(id)) {
            jdbc.query(
                    "select given_latin, family_latin, father_latin, given_native, family_native, father_native"
                            + " from person where id = ?",
                    rs -> {
                        for (int i = 1; i <= 6; i++) {
                            String name = rs.getString(i);
                            if (name != null) {
                                names.add(name);
                            }
                        }
                    },
                    record);
            names.addAll(jdbc.queryForList(
                    "select text from person_name_variant where person_id = ?", String.class, record));
        }
        return new ErasedNames(names, token);
    }

    /**
     * Deletes the person and the records merged into them with their own rows. Throws {@link
     * IllegalStateException} (and so rolls back the caller's transaction) when a row of another table
     * still refers to one of them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(PersonId id) {
        List<Long> records = records(id);
        // the records merged into another go first: they refer to it through person.merged_into_id
        for (long record : records.reversed()) {
            if (ForeignKeys.referencedOutside(jdbc, "person", record, OWN)) {
                throw new IllegalStateException("A row still refers to person " + record + "; erasure stopped");
            }
            jdbc.update("delete from person_match_key where person_id = ?", record);
            jdbc.update("delete from person_name_variant where person_id = ?", record);
            jdbc.update("delete from person_document where person_id = ?", record);
            jdbc.update("delete from person where id = ?", record);
        }
    }

    private List<Long> records(PersonId id) {
        Integer exists = jdbc.queryForObject("select count(*) from person where id = ?", Integer.class, id.value());
        if (exists == null || exists == 0) {
            throw new RecordNotFound("Person");
        }
        var found = new LinkedHashSet<Long>();
        found.add(id.value());
        var frontier = List.of(id.value());
        while (!frontier.isEmpty()) {
            var next = new ArrayList<Long>();
            for (long p : frontier) {
                for (Long merged : jdbc.queryForList(
                        "select id from person where merged_into_id = ? order by id", Long.class, p)) {
                    if (found.add(merged)) {
                        next.add(merged);
                    }
                }
            }
            frontier = next;
        }
        return List.copyOf(found);
    }

    private int count(String table, List<Long> records) {
        int total = 0;
        for (long record : records) {
            Integer n = jdbc.queryForObject(
                    "select count(*) from `" + table + "` where person_id = ?", Integer.class, record);
            total += n == null ? 0 : n;
        }
        return total;
    }
}
