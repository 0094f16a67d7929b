package org.kinlink.letters;

import java.util.List;
import org.kinlink.crypto.EncryptedColumn;
import org.springframework.stereotype.Component;

/** The encrypted letter texts, for re-encryption after a key rotation (D2). */
@Component
class LettersEncryptedColumns implements EncryptedColumn.Source {

    @Override
    public List<EncryptedColumn> encryptedColumns() {
        return List.of(
                new EncryptedColumn("letter", "body_enc", true),
                new EncryptedColumn("letter", "answer_summary_enc", true));
    }
}
