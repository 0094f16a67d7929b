package org.kinlink.access;

import java.util.Set;

/** What an administrator enters to create a user; the password is generated, never chosen. */
public record NewUser(String username, String displayName, Set<String> roles, Set<Long> teamIds) {}
