package io.rapport.contracts.engagement;

import java.time.Instant;

/**
 * A complaint was resolved; satisfaction is 1..5 when the customer gave it. The typed resolution stays in
 * engagement-service and is not sent (free text about a customer never goes to a topic).
 */
public record ComplaintResolved(String complaintId, String customerId, Integer satisfaction, Instant resolvedAt) {}
