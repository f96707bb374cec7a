package io.rapport.customer.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A purchase. (sourceSystem, orderId) is the idempotency key: posting the same order again returns the
 * first purchase. {@code occurredAt} may lie in the past (imports), not in the future. Amounts are decimal
 * strings (or numbers) in {@code currency}, 0 to 10,000,000 per unit.
 */
@Schema(examples = """
        {"sourceSystem":"shop","orderId":"SO-1001","occurredAt":"2026-03-01T10:15:00Z","currency":"EUR",
         "channel":"web","store":"eu-online",
         "lines":[{"sku":"PILLOW-L","category":"bedding","quantity":2,"unitPrice":"39.90","unitCost":"12.00"}]}""")
public record PurchaseInput(
        @Size(max = 50) @Schema(description = "System the order comes from; default 'rapport'")
        String sourceSystem,

        @NotBlank @Size(max = 100) String orderId,
        @NotNull Instant occurredAt,
        @NotNull @Size(min = 3, max = 3) String currency,
        @Size(max = 50) String channel,
        @Size(max = 100) String store,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid Line> lines) {

    public static final String DEFAULT_SOURCE = "rapport";

    public String source() {
        return sourceSystem == null || sourceSystem.isBlank() ? DEFAULT_SOURCE : sourceSystem.trim();
    }

    /** One line; {@code unitCost} (cost of goods of one unit) defaults to 0. */
    public record Line(
            @NotBlank @Size(max = 100) String sku,
            @NotBlank @Size(max = 100) String category,
            @Min(1) @Max(1_000_000) int quantity,

            @NotNull @DecimalMin("0") @DecimalMax("10000000") @Digits(integer = 8, fraction = 4)
            BigDecimal unitPrice,

            @DecimalMin("0") @DecimalMax("10000000") @Digits(integer = 8, fraction = 4)
            BigDecimal unitCost) {}
}
