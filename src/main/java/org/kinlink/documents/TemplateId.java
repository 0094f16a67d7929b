package org.kinlink.documents;

/** Identifies a letter template. */
public record TemplateId(long value) {}
