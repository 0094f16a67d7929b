package org.kinlink.documents;

/** A template's subject and body with every placeholder replaced by its value (plain text). */
public record FilledTemplate(String subject, String body) {}
