package io.rapport.contracts.customer;

import java.time.Instant;

/**
 * A cost-to-serve item: SERVICE_CALL, RETURN_HANDLING, SALES_VISIT, DISCOUNT, SHIPPING or OTHER. The free-text note
 * stays in customer-service (it may carry personal data) and is not sent.
 */
public record CostRecorded(
        String costId, String customerId, String type, String amount, String currency, Instant occurredAt) {}
