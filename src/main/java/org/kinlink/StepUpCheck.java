package org.kinlink;

/**
 * S4: re-confirming the signed-in user before a sensitive operation. The implementation is {@code
 * access.StepUp}; this interface lives here so that modules below {@code access} (the audit trail)
 * and the shared UI kit can use it without a dependency cycle.
 *
 * <p>A service calls {@link #require(String)} before the sensitive action, after its own access
 * checks. The UI catches {@link StepUpRequired}, asks for the secret {@link #method()} names,
 * calls {@link #confirm(String)} and retries (see {@code org.kinlink.ui.StepUpDialog}).
 */
public interface StepUpCheck {

    /** What the user re-confirms with. */
    enum Method {
        /** A fresh code from the authenticator app (single use; recovery codes are not accepted). */
        CODE,
        /** The account password, for users without a second factor (demo and test profiles). */
        PASSWORD
    }

    /**
     * Returns when the current session re-confirmed within the window; otherwise records
     * STEP_UP_REQUIRED and throws {@link StepUpRequired}.
     */
    void require(String operation);

    /** What {@link #confirm(String)} expects from the signed-in user. */
    Method method();

    /**
     * Checks the code (or password) and marks the current session as re-confirmed for the window.
     * A wrong one is refused with {@link InvalidInput} on the field {@code secret}, audited and
     * throttled like a failed sign-in.
     */
    void confirm(String secret);
}
