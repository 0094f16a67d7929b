package org.kinlink.api;

/**
 * A token just issued, with its secret: the only time anyone sees it. It is shown once to the
 * administrator, who hands it to the user; Kinlink keeps only its hash.
 */
public record IssuedApiToken(ApiTokenSummary token, String secret) {

    @Override
    public String toString() {
        return "IssuedApiToken[" + token + ", secret=…]";
    }
}
