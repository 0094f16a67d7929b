package org.kinlink.people;

public enum DocumentType {
    PASSPORT,
    NATIONAL_ID,
    BIRTH_CERTIFICATE,
    REFUGEE_ID,
    RESIDENCE_PERMIT,
    OTHER
}
