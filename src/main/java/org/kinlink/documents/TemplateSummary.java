package org.kinlink.documents;

/** A letter template as listed: its name, language ({@code en} or {@code fa}) and version. */
public record TemplateSummary(TemplateId id, String name, String language, long version) {}
