package org.kinlink;

/**
 * Input a service refuses, naming the field and a translation key that explains why. The UI shows
 * the translated message next to that field and keeps everything the user entered.
 */
public class InvalidInput extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] arguments;

    public InvalidInput(String field, String messageKey, Object... arguments) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
