package org.kinlink.database;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who refers to a row, read from the database's own catalogue of foreign keys: for removing a
 * record only when nothing else points at it, without the owning module knowing every module that
 * might. Table and column names come from the catalogue, never from input; the id is a bound
 * parameter (I1).
 */
public final class ForeignKeys {

    private ForeignKeys() {}

    /**
     * Whether a row of a table other than {@code except} has a foreign key pointing at the row
     * {@code id} of {@code table}.
     */
    public static boolean referencedOutside(JdbcTemplate jdbc, String table, long id, Set<String> except) {
        for (var reference : referencing(jdbc, table)) {
            if (except.contains(reference.table().toLowerCase(Locale.ROOT))) {
                continue;
            }
            Integer count = jdbc.queryForObject(
                    "select count(*) from `" + reference.table() + "` where `" + reference.column() + "` = ?",
                    Integer.class,
                    id);
            if (count != null && count > 0) {
                return true;
            }
        }
        return false;
    }

    private static List<Reference> referencing(JdbcTemplate jdbc, String table) {
        return jdbc.query(
                "select table_name, column_name from information_schema.key_column_usage"
                        + " where table_schema = database() and referenced_table_name = ?",
                (rs, n) -> new Reference(rs.getString(1), rs.getString(2)),
                table);
    }

    private record Reference(String table, String column) {}
}
