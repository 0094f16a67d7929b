package org.kinlink.correspondence;

public enum Channel {
    PHONE,
    EMAIL,
    LETTER,
    VISIT,
    MEETING,
    MESSAGING_APP,
    VIDEO_CALL
}
