package org.kinlink.shell;

import java.util.Optional;

/**
 * A reminder that another module shows on the start page after sign-in (overdue letters for
 * coordinators), so that the shell does not depend on it. Implementations are Spring beans and apply
 * their own access rules; a user they have nothing for gets an empty answer.
 */
public interface StartNotice {

    /** The reminder for the signed-in user, already in their language (translation key and arguments). */
    Optional<Message> forCurrentUser();

    /** A translated message with a route to follow it up. */
    record Message(String key, Object[] arguments, String route) {}
}
