package org.kinlink.documents;

import org.jspecify.annotations.Nullable;

/**
 * A template as edited: without {@code id} a new one; with it, an update of the version the user
 * opened ({@code version}), refused if someone saved it meanwhile.
 */
public record TemplateForm(
        @Nullable TemplateId id, long version, String name, String language, String subject, String body) {}
