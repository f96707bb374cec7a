package io.rapport.engagement.domain;

/** Complaint severity; each has its own SLA (time to resolve). */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
