package io.rapport.customer.model;

import io.rapport.customer.domain.CostType;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A cost-to-serve item; {@code amount} is positive (at most 10,000,000), {@code occurredAt} defaults to now. */
@Schema(
        examples =
                "{\"type\":\"SERVICE_CALL\",\"amount\":\"18.50\",\"currency\":\"EUR\",\"occurredAt\":\"2026-03-02T09:00:00Z\",\"note\":\"setup help\"}")
public record CostInput(
        @NotNull CostType type,

        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10000000") @Digits(integer = 8, fraction = 4)
        BigDecimal amount,

        @NotNull @Size(min = 3, max = 3) String currency,
        Instant occurredAt,
        @Size(max = 500) String note) {}
