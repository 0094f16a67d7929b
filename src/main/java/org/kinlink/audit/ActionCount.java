package org.kinlink.audit;

/** How many events of one action a user caused. */
public record ActionCount(String action, long events) {}
