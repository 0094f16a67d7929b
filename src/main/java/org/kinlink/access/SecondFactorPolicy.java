package org.kinlink.access;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether signing in needs the second factor (A3): yes for every role, except in the demo profile
 * ({@code kinlink.second-factor.required: false}) and in tests that do not switch it on.
 */
@Component
class SecondFactorPolicy {

    private volatile boolean required;

    SecondFactorPolicy(@Value("${kinlink.second-factor.required:true}") boolean required) {
        this.required = required;
    }

    boolean required() {
        return required;
    }

    /** For tests only: switch the requirement on or off (and back). */
    void setRequired(boolean required) {
        this.required = required;
    }
}
