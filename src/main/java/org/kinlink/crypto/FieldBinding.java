package org.kinlink.crypto;

/**
 * What an encrypted value belongs to: table, column and a stable identity of its row. It is the
 * associated data of the encryption, so a ciphertext copied to another row or column fails to
 * decrypt. Use an identity that exists before the row is inserted (for example a UUID column), as
 * auto-increment ids do not.
 */
public record FieldBinding(String table, String column, String rowIdentity) {

    public FieldBinding {
        if (table.isBlank() || column.isBlank() || rowIdentity.isBlank()) {
            throw new IllegalArgumentException("table, column and row identity are required");
        }
    }

    byte[] associatedData() {
        return (table + "\u001f" + column + "\u001f" + rowIdentity).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
