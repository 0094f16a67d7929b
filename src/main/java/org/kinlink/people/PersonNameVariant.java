package org.kinlink.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "person_name_variant")
class PersonNameVariant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private NameVariantKind kind;

    @Column(nullable = false, length = 300)
    private String text;

    protected PersonNameVariant() {
        this.kind = NameVariantKind.SPELLING;
        this.text = "";
    }

    PersonNameVariant(NameVariantKind kind, String text) {
        this.kind = kind;
        this.text = text;
    }

    NameVariant toRecord() {
        return new NameVariant(kind, text);
    }
}
