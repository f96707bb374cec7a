package io.rapport.segmentation.domain;

/** Kotler's five relationship levels, from no follow-up to continuous partnership. */
public enum RelationshipLevel {
    BASIC,
    REACTIVE,
    ACCOUNTABLE,
    PROACTIVE,
    PARTNERSHIP
}
