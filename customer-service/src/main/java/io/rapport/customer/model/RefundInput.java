package io.rapport.customer.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A refund: either {@code wholeOrder} (everything still refundable) or some lines. A line refunds
 * quantity x unit price unless a smaller {@code amount} is given (a partial refund); quantity 0 with an
 * amount is a price adjustment. Never more than was bought or paid: 422.
 */
@Schema(
        examples =
                "{\"lines\":[{\"lineId\":\"6f1c2a8e-51a4-4d0b-8a51-2a4f0d9c1e11\",\"quantity\":1}],\"reason\":\"damaged\"}")
public record RefundInput(
        boolean wholeOrder,
        @Size(max = 500) List<@NotNull @Valid Line> lines,
        Instant occurredAt,
        @Size(max = 500) String reason) {

    public record Line(
            @NotNull UUID lineId,
            int quantity,

            @DecimalMax("100000000000") @Digits(integer = 12, fraction = 4)
            BigDecimal amount) {}
}
