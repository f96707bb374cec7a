package io.rapport.customer.model;

import io.rapport.customer.model.PurchaseInput.Line;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One NDJSON line of a purchase import: a purchase plus who bought it, by exactly one of
 * {@code customerId}, {@code customerEmail} or {@code customerExternalSystem} + {@code customerExternalId}.
 */
public record PurchaseImportRow(
        UUID customerId,
        @Size(max = 254) String customerEmail,
        @Size(max = 50) String customerExternalSystem,
        @Size(max = 100) String customerExternalId,
        @Size(max = 50) String sourceSystem,
        @NotBlank @Size(max = 100) String orderId,
        @NotNull Instant occurredAt,
        @NotNull @Size(min = 3, max = 3) String currency,
        @Size(max = 50) String channel,
        @Size(max = 100) String store,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid Line> lines) {

    public PurchaseInput purchase() {
        return new PurchaseInput(sourceSystem, orderId, occurredAt, currency, channel, store, lines);
    }
}
