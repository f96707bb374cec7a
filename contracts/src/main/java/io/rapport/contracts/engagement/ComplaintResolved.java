package io.rapport.contracts.engagement;

import java.time.Instant;

/** A complaint was resolved; satisfaction is 1..5 when the customer gave it. */
public record ComplaintResolved(String complaintId, String customerId, String resolution, Integer satisfaction,
        Instant resolvedAt) {
}
