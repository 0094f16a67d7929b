package org.kinlink.people;

public enum Sex {
    FEMALE,
    MALE,
    OTHER,
    UNKNOWN
}
