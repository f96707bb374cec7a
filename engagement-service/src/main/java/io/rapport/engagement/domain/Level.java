package io.rapport.engagement.domain;

/** Kotler's relationship levels, from the least to the most contact; the order is meaningful (higher = more). */
public enum Level {
    BASIC,
    REACTIVE,
    ACCOUNTABLE,
    PROACTIVE,
    PARTNERSHIP
}
