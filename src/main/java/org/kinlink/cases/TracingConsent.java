package org.kinlink.cases;

/** The enquirer's consent to the tracing being carried out on their behalf. */
public enum TracingConsent {
    NOT_RECORDED,
    GIVEN,
    WITHDRAWN
}
