package org.kinlink.cases;

public record CaseId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
