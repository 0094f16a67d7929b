package org.kinlink.files;

import java.util.List;
import org.kinlink.crypto.EncryptedColumn;
import org.springframework.stereotype.Component;

/** The encrypted names and contents of stored files, for re-encryption after a key rotation (D2). */
@Component
class FilesEncryptedColumns implements EncryptedColumn.Source {

    @Override
    public List<EncryptedColumn> encryptedColumns() {
        return List.of(
                new EncryptedColumn(FileStore.TABLE, "original_name_enc", false, "id", "storage_key"),
                EncryptedColumn.binary(FileStore.TABLE, "content_enc", "id", "storage_key"));
    }
}
