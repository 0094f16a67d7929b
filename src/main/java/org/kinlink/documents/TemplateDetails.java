package org.kinlink.documents;

/** A letter template in full; {@code version} is what a later save must name. */
public record TemplateDetails(TemplateId id, String name, String language, String subject, String body, long version) {}
