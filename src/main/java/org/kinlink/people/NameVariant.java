package org.kinlink.people;

public record NameVariant(NameVariantKind kind, String text) {}
