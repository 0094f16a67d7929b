package org.kinlink.people;

import org.jspecify.annotations.Nullable;

/** An identity document; its number is sensitive. */
public record IdentityDocument(
        DocumentType type, SensitiveValue number, @Nullable String issuingCountry) {}
