package io.rapport.contracts.customer;

import java.time.Instant;

/** A cost-to-serve item: SERVICE_CALL, RETURN_HANDLING, SALES_VISIT, DISCOUNT, SHIPPING or OTHER. */
public record CostRecorded(String costId, String customerId, String type, String amount, String currency,
        Instant occurredAt, String note) {
}
