package org.kinlink.access;

import java.util.Set;

/** An administrator's edit of a user, against the version they loaded. */
public record UserChanges(long id, long version, String displayName, Set<String> roles, Set<Long> teamIds) {}
