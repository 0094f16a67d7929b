package org.kinlink.access;

/**
 * A second factor being set up: the secret for the authenticator app, as base32 text to type and
 * as the {@code otpauth://} URI a QR code carries. Shown once, to its owner only.
 */
public record TotpEnrolment(String secret, String uri) {

    @Override
    public String toString() {
        return "TotpEnrolment[secret hidden]";
    }
}
