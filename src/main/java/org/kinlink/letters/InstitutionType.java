package org.kinlink.letters;

/** The kinds of bodies letters go to; the follow-up period can differ per kind. */
public enum InstitutionType {
    UN_BODY,
    RED_CROSS_RED_CRESCENT,
    MINISTRY,
    EMBASSY_CONSULATE,
    COURT_PROSECUTOR,
    PARLIAMENT,
    NGO,
    MEDIA,
    OTHER
}
