package io.rapport.contracts.engagement;

import java.time.Instant;

/** A complaint was opened (or reopened). Severity: LOW, MEDIUM, HIGH, CRITICAL. */
public record ComplaintOpened(
        String complaintId,
        String customerId,
        String channel,
        String category,
        String severity,
        Instant openedAt,
        Instant dueAt,
        boolean reopened) {}
