package org.kinlink.cases;

public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT
}
