package org.kinlink.access;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.function.Consumer;
import org.kinlink.Roles;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.kinlink.crypto.EncryptedColumn;
import org.kinlink.crypto.FieldBinding;
import org.kinlink.crypto.FieldCipher;
import org.kinlink.crypto.KeyRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * D2: rotation of the field-encryption key, an administrator's action. Adds a new key and makes it
 * primary, re-encrypts every encrypted column in batches (each batch its own transaction), then
 * retires the old keys once no stored value uses them. Every value stays readable throughout: the
 * old keys remain in the keyset until the very end, and a rotation interrupted half-way is
 * finished by running it again (it adds another key; values under any older key are re-encrypted).
 */
@Service
public class FieldKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(FieldKeyRotation.class);
    static final int BATCH = 200;

    /** Where a rotation stands, for progress displays. */
    public record Progress(String column, long reEncrypted) {}

    /** The field keys now: the primary one, all of them, and how many values are under older ones. */
    public record Status(int primaryKeyId, List<Integer> keyIds, long remainingUnderOldKeys) {}

    /** What a rotation did. */
    public record Result(int newKeyId, long reEncrypted, List<Integer> retiredKeyIds) {}

    private final KeyRing keys;
    private final FieldCipher cipher;
    private final List<EncryptedColumn.Source> sources;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;

    FieldKeyRotation(
            KeyRing keys,
            FieldCipher cipher,
            List<EncryptedColumn.Source> sources,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            AuditTrail audit) {
        this.keys = keys;
        this.cipher = cipher;
        this.sources = sources;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** Runs the whole rotation; {@code progress} hears after each batch. */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public Result rotate(Consumer<Progress> progress) {
        int newKey;
        try {
            newKey = keys.addPrimaryFieldKey();
        } catch (GeneralSecurityException | IOException e) {
            audit.recordIndependently(
                    AuditEntry.failure("FIELD_KEY_ROTATION", "KEYSET", null).because("adding a key failed"));
            throw new IllegalStateException("Could not add a new field key: " + e.getMessage(), e);
        }
        audit.record(AuditEntry.success("FIELD_KEY_ADDED", "KEYSET", Integer.toUnsignedString(newKey)));
        long total = 0;
        for (EncryptedColumn column : columns()) {
            total += reEncrypt(column, progress);
        }
        long remaining = remainingUnderOldKeys();
        if (remaining > 0) {
            // written concurrently under an old key by an editor that loaded the row before: keep the
            // old keys; running the rotation again finishes the job
            audit.record(AuditEntry.failure("FIELD_KEY_ROTATION", "KEYSET", Integer.toUnsignedString(newKey))
                    .because(remaining + " values still under old keys; old keys kept"));
            return new Result(newKey, total, List.of());
        }
        List<Integer> retired;
        try {
            retired = keys.retireOldFieldKeys();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not retire the old field keys: " + e.getMessage(), e);
        }
        audit.record(AuditEntry.success("FIELD_KEY_ROTATED", "KEYSET", Integer.toUnsignedString(newKey))
                .because(total + " values re-encrypted; retired keys "
                        + retired.stream().map(Integer::toUnsignedString).toList()));
        log.info("Field key rotation: {} values re-encrypted, {} keys retired", total, retired.size());
        return new Result(newKey, total, retired);
    }

    /** The field keys and how far the values follow the primary one. */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public Status status() {
        return new Status(keys.primaryFieldKeyId(), keys.fieldKeyIds(), remainingUnderOldKeys());
    }

    /** How many stored values are under a key other than the primary one. */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public long remainingUnderOldKeys() {
        long remaining = 0;
        String prefix = cipher.primaryPrefix();
        for (EncryptedColumn column : columns()) {
            Long count = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM " + column.table() + " WHERE " + column.column() + " IS NOT NULL AND "
                            + column.column() + " NOT LIKE ?",
                    Long.class,
                    prefix + "%");
            remaining += count == null ? 0 : count;
        }
        return remaining;
    }

    private List<EncryptedColumn> columns() {
        return sources.stream().flatMap(s -> s.encryptedColumns().stream()).toList();
    }

    private long reEncrypt(EncryptedColumn column, Consumer<Progress> progress) {
        if (column.binary()) {
            return reEncryptBinary(column, progress);
        }
        long done = 0;
        long lastId = 0;
        String key = column.idColumn();
        String select = "SELECT " + key + ", " + column.rowKeyColumn() + ", " + column.column() + " FROM "
                + column.table() + " WHERE " + key + " > ? AND " + column.column() + " IS NOT NULL AND "
                + column.column() + " NOT LIKE ? ORDER BY " + key + " LIMIT " + BATCH;
        String update = "UPDATE " + column.table() + " SET " + column.column() + " = ?"
                + (column.versioned() ? ", version = version + 1" : "") + " WHERE " + key + " = ? AND "
                + column.column() + " = ?";
        while (true) {
            long after = lastId;
            String prefix = cipher.primaryPrefix();
            List<Object[]> rows = jdbc.query(
                    select,
                    (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)},
                    after,
                    prefix + "%");
            if (rows.isEmpty()) {
                return done;
            }
            Integer changed = transactions.execute(tx -> {
                int count = 0;
                for (Object[] row : rows) {
                    long id = (Long) row[0];
                    String stored = (String) row[2];
                    String again = cipher.reEncrypt(
                            stored, new FieldBinding(column.table(), column.column(), (String) row[1]));
                    // compare-and-set: a value changed since it was read is left for the next run
                    count += jdbc.update(update, again, id, stored);
                }
                return count;
            });
            done += changed == null ? 0 : changed;
            lastId = (Long) rows.get(rows.size() - 1)[0];
            progress.accept(new Progress(column.table() + "." + column.column(), done));
        }
    }

    /**
     * Binary columns (stored files, up to tens of megabytes each) are selected by id only and
     * re-encrypted one row per transaction, so a batch never holds more than one file in memory.
     */
    private long reEncryptBinary(EncryptedColumn column, Consumer<Progress> progress) {
        long done = 0;
        long lastId = 0;
        String key = column.idColumn();
        String select = "SELECT " + key + " FROM " + column.table() + " WHERE " + key + " > ? AND " + column.column()
                + " IS NOT NULL AND " + column.column() + " NOT LIKE ? ORDER BY " + key + " LIMIT " + BATCH;
        String load = "SELECT " + column.rowKeyColumn() + ", " + column.column() + " FROM " + column.table() + " WHERE "
                + key + " = ?";
        String update = "UPDATE " + column.table() + " SET " + column.column() + " = ?"
                + (column.versioned() ? ", version = version + 1" : "") + " WHERE " + key + " = ? AND "
                + column.column() + " = ?";
        while (true) {
            List<Long> ids = jdbc.queryForList(select, Long.class, lastId, cipher.primaryPrefix() + "%");
            if (ids.isEmpty()) {
                return done;
            }
            for (long id : ids) {
                Integer changed = transactions.execute(tx -> {
                    List<Object[]> rows =
                            jdbc.query(load, (rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2)}, id);
                    if (rows.isEmpty() || !cipher.needsReEncryption((byte[]) rows.get(0)[1])) {
                        return 0;
                    }
                    byte[] stored = (byte[]) rows.get(0)[1];
                    byte[] again = cipher.reEncryptBytes(
                            stored, new FieldBinding(column.table(), column.column(), (String) rows.get(0)[0]));
                    // compare-and-set, as for text values
                    return jdbc.update(update, again, id, stored);
                });
                done += changed == null ? 0 : changed;
            }
            lastId = ids.get(ids.size() - 1);
            progress.accept(new Progress(column.table() + "." + column.column(), done));
        }
    }
}
