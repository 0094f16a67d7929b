package org.kinlink;

/**
 * S4: a sensitive operation (an export, revealing a location, a role change) needs the signed-in
 * user to re-confirm who they are first. Thrown by {@link StepUpCheck#require(String)} after every
 * access check has passed; the UI asks for the code (or password) and retries the operation.
 */
public class StepUpRequired extends RuntimeException {

    private final String operation;

    public StepUpRequired(String operation) {
        super("step-up required for " + operation);
        this.operation = operation;
    }

    /** The operation that asked, such as {@code audit-export}. */
    public String operation() {
        return operation;
    }
}
