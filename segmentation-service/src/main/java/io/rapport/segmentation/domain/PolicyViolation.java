package io.rapport.segmentation.domain;

/** A policy breaks a rule (e.g. cut-offs not increasing); {@code field} names the offending part. */
public class PolicyViolation extends RuntimeException {
    private final String field;

    public PolicyViolation(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
