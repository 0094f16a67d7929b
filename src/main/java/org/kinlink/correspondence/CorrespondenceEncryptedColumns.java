package org.kinlink.correspondence;

import java.util.List;
import org.kinlink.crypto.EncryptedColumn;
import org.springframework.stereotype.Component;

/** The encrypted summaries of the contacts log, for re-encryption after a key rotation (D2). */
@Component
class CorrespondenceEncryptedColumns implements EncryptedColumn.Source {

    @Override
    public List<EncryptedColumn> encryptedColumns() {
        return List.of(new EncryptedColumn("correspondence_entry", "summary_enc", false));
    }
}
