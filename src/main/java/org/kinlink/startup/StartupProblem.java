package org.kinlink.startup;

/**
 * A problem with the environment that stops start-up, explained in one sentence for the operator
 * (an unreachable database, a missing keyset). Reported without a stack trace by {@link
 * StartupProblemFailureAnalyzer}.
 */
public class StartupProblem extends RuntimeException {

    private final String action;

    public StartupProblem(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    public StartupProblem(String description, String action) {
        super(description);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
