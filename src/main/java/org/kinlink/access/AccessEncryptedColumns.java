package org.kinlink.access;

import java.util.List;
import org.kinlink.crypto.EncryptedColumn;
import org.springframework.stereotype.Component;

/**
 * The encrypted columns of the access module, for re-encryption after a key rotation (D2): the TOTP
 * secrets, keyed and bound by the user id.
 */
@Component
class AccessEncryptedColumns implements EncryptedColumn.Source {

    @Override
    public List<EncryptedColumn> encryptedColumns() {
        return List.of(new EncryptedColumn("totp_credential", "secret", false, "user_id", "user_id"));
    }
}
