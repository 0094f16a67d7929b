package org.kinlink.correspondence;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One item contributed to a case's timeline: when, what kind (a translation key), a title already in
 * the user's words, an optional summary, and an optional route to open it (no personal data in it).
 */
public record TimelineItem(
        Instant at,
        String kindKey,
        String title,
        @Nullable String summary,
        boolean warning,
        @Nullable String route) {}
