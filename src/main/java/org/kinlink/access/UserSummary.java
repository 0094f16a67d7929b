package org.kinlink.access;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A user as administrators see the list of users. */
public record UserSummary(
        long id,
        String username,
        String displayName,
        Set<String> roles,
        Set<Long> teamIds,
        boolean enabled,
        boolean mustChangePassword,
        @Nullable Instant lastSignInAt,
        long version) {}
