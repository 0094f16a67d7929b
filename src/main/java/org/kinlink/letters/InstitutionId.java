package org.kinlink.letters;

public record InstitutionId(long value) {}
