package org.kinlink.letters;

public enum LetterChannel {
    POST,
    EMAIL,
    FAX,
    HAND_DELIVERY,
    ONLINE_FORM
}
