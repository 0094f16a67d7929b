package org.kinlink.cases;

/** Sort orders of the cases list. */
public enum CaseSort {
    RECENTLY_CHANGED,
    REFERENCE,
    OPENED,
    PRIORITY,
    STATUS
}
