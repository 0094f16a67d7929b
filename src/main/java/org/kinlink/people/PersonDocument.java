package org.kinlink.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "person_document")
class PersonDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "row_key", nullable = false, length = 36, updatable = false, columnDefinition = "CHAR(36)")
    private String rowKey = UUID.randomUUID().toString();

    @Enumerated(EnumType.STRING)
    @Column(name = "document_type", nullable = false, length = 32)
    DocumentType type = DocumentType.OTHER;

    @Column(name = "number_enc", nullable = false)
    String numberEnc = "";

    @Column(name = "number_index", nullable = false, length = 80)
    String numberIndex = "";

    @Column(name = "issuing_country")
    @Nullable
    String issuingCountry;

    protected PersonDocument() {}

    PersonDocument(DocumentType type, @Nullable String issuingCountry) {
        this.type = type;
        this.issuingCountry = issuingCountry;
    }

    String rowKey() {
        return rowKey;
    }
}
