package org.kinlink.people;

import java.util.List;
import org.kinlink.crypto.EncryptedColumn;
import org.springframework.stereotype.Component;

/** The encrypted columns of the person registry, for re-encryption after a key rotation (D2). */
@Component
class PersonEncryptedColumns implements EncryptedColumn.Source {

    @Override
    public List<EncryptedColumn> encryptedColumns() {
        return List.of(
                new EncryptedColumn("person", "birth_date_enc", true),
                new EncryptedColumn("person", "last_known_location_enc", true),
                new EncryptedColumn("person", "phone_enc", true),
                new EncryptedColumn("person", "email_enc", true),
                new EncryptedColumn("person", "postal_address_enc", true),
                new EncryptedColumn("person", "messaging_handle_enc", true),
                new EncryptedColumn("person", "notes_enc", true),
                new EncryptedColumn("person_document", "number_enc", false));
    }
}
