package org.kinlink.correspondence;

import java.util.Set;

/** Which entries of a case's timeline to show; empty sets mean all. */
public record TimelineFilter(Set<Channel> channels, Set<Direction> directions) {

    public static TimelineFilter all() {
        return new TimelineFilter(Set.of(), Set.of());
    }
}
