package io.rapport.engagement.domain.pressure;

/** One rule that changed what happens to a contact, with a reason a person can read. */
public record Adjustment(Rule rule, String reason) {
    public String text() {
        return rule + ": " + reason;
    }
}
