package org.kinlink.privacy;

/** Where an erasure request stands. */
public enum ErasureStatus {
    /** Waiting for a second user's decision. */
    PENDING,
    /** Refused by the second user; nothing was removed. */
    REJECTED,
    /** Approved and carried out: the person's data is gone. */
    ERASED
}
