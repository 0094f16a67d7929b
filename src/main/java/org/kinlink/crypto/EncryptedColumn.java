package org.kinlink.crypto;

import java.util.regex.Pattern;

/**
 * A column holding values encrypted with {@link FieldCipher}, for re-encryption after a key
 * rotation. The row is identified by {@code id} and bound by its {@code row_key} column (the row
 * identity of its {@link FieldBinding}); {@code versioned} tables get their {@code version} raised
 * with each re-encrypted value, so that an editor holding the row loaded before is refused
 * rather than writing the old value back. {@code binary} columns hold {@link
 * FieldCipher#encryptBytes} values (stored files): they are re-encrypted one row at a time.
 */
public record EncryptedColumn(
        String table, String column, boolean versioned, String idColumn, String rowKeyColumn, boolean binary) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public EncryptedColumn {
        // the names go into SQL as identifiers: only plain lower-case names from code are accepted
        for (String name : new String[] {table, column, idColumn, rowKeyColumn}) {
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("not a plain table or column name: " + name);
            }
        }
    }

    public EncryptedColumn(String table, String column, boolean versioned, String idColumn, String rowKeyColumn) {
        this(table, column, versioned, idColumn, rowKeyColumn, false);
    }

    /** A column of binary content (a BLOB) encrypted with {@link FieldCipher#encryptBytes}. */
    public static EncryptedColumn binary(String table, String column, String idColumn, String rowKeyColumn) {
        return new EncryptedColumn(table, column, false, idColumn, rowKeyColumn, true);
    }

    /** A table with a numeric {@code id} key and a {@code row_key} column that binds its values. */
    public EncryptedColumn(String table, String column, boolean versioned) {
        this(table, column, versioned, "id", "row_key");
    }

    /** The modules that store encrypted values list their columns by providing a bean of this type. */
    public interface Source {
        java.util.List<EncryptedColumn> encryptedColumns();
    }
}
