package io.rapport.customer.model;

import io.rapport.customer.domain.CostType;
import java.time.Instant;
import java.util.UUID;

public record CostView(
        UUID id,
        UUID customerId,
        CostType type,
        String amount,
        String currency,
        Instant occurredAt,
        String note,
        Instant recordedAt) {}
