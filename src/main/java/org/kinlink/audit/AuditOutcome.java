package org.kinlink.audit;

public enum AuditOutcome {
    SUCCESS,
    /** The access policy refused the action. */
    DENIED,
    /** The action was attempted and failed (for example a wrong password). */
    FAILURE
}
