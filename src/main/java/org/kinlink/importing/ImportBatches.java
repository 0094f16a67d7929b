package org.kinlink.importing;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The record of imports: one {@code import_batch} row per import (who, when, how many rows, the
 * column mapping) and one {@code import_batch_item} row per record it created. Parameterised SQL
 * only (I1). Used inside {@link ImportService}'s transaction.
 */
@Component
class ImportBatches {

    private final JdbcTemplate jdbc;

    ImportBatches(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long create(Instant at, long userId, int rows, String mapping) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement(
                            "insert into import_batch (created_at, created_by, row_count, mapping) values (?, ?, ?, ?)",
                            Statement.RETURN_GENERATED_KEYS);
                    statement.setTimestamp(1, Timestamp.from(at));
                    statement.setLong(2, userId);
                    statement.setInt(3, rows);
                    statement.setString(4, mapping);
                    return statement;
                },
                keys);
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    void item(long batchId, int row, String recordType, String recordKey) {
        jdbc.update(
                "insert into import_batch_item (batch_id, file_row, record_type, record_key) values (?, ?, ?, ?)",
                batchId,
                row,
                recordType,
                recordKey);
    }

    List<Item> items(long batchId) {
        return jdbc.query(
                "select file_row, record_type, record_key from import_batch_item where batch_id = ? order by id",
                (rs, n) -> new Item(rs.getInt(1), rs.getString(2), rs.getString(3)),
                batchId);
    }

    /** The most recent imports, newest first, with the importer's user id. */
    List<ImportSummary> recent(int limit) {
        return jdbc.query(
                "select b.id, b.created_at, b.created_by, b.row_count, b.undone_at,"
                        + " (select count(*) from import_batch_item i where i.batch_id = b.id and i.record_type = 'CASE'),"
                        + " (select count(*) from import_batch_item i where i.batch_id = b.id and i.record_type = 'PERSON')"
                        + " from import_batch b order by b.id desc limit ?",
                (rs, n) -> new ImportSummary(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getLong(3),
                        "",
                        rs.getInt(4),
                        rs.getInt(6),
                        rs.getInt(7),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()),
                limit);
    }

    /** Whether the batch exists, and whether it was undone; locks the row for the transaction. */
    @org.jspecify.annotations.Nullable
    Boolean undoneForUpdate(long batchId) {
        List<Boolean> found = jdbc.query(
                "select undone_at is not null from import_batch where id = ? for update",
                (rs, n) -> rs.getBoolean(1),
                batchId);
        return found.isEmpty() ? null : found.get(0);
    }

    void markUndone(long batchId, Instant at) {
        jdbc.update("update import_batch set undone_at = ? where id = ?", Timestamp.from(at), batchId);
    }

    record Item(int row, String recordType, String recordKey) {}
}
