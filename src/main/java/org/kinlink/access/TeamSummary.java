package org.kinlink.access;

import org.jspecify.annotations.Nullable;

public record TeamSummary(long id, String name, @Nullable String description) {}
