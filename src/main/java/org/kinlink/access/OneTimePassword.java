package org.kinlink.access;

/**
 * A generated password to hand to the user once; they must replace it at their next sign-in. It is
 * shown once and never stored in clear.
 */
public record OneTimePassword(String username, String password) {

    @Override
    public String toString() {
        return "OneTimePassword[" + username + ", ****]";
    }
}
