package org.kinlink.ui;

/** For tests outside this package: the message key {@link MainErrorHandler} shows for an error. */
public final class ErrorMessageKeys {

    private ErrorMessageKeys() {}

    public static String keyFor(Throwable error) {
        return MainErrorHandler.keyFor(error);
    }
}
