package io.rapport.loyalty.rest;

import io.rapport.loyalty.domain.Partner;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of alliance partners and their transactions. */
public final class PartnerDtos {
    private PartnerDtos() {
    }

    @Schema(examples = "{\"name\":\"Sunrise Travel\",\"programmeId\":\"0b9e8d7c-6f5a-4b3c-9d2e-1f0a9b8c7d6e\",\"pointValue\":\"0.01\"}")
    public record PartnerCreate(@NotBlank @Size(max = 200) String name, @NotNull UUID programmeId,
            @NotNull @DecimalMin("0") BigDecimal pointValue) {
    }

    public record PartnerView(String id, String name, String programmeId, String pointValue, boolean active, Instant createdAt) {
        public static PartnerView of(Partner p) {
            return new PartnerView(p.id.toString(), p.name, p.programmeId.toString(), p.pointValue.toPlainString(), p.active,
                    p.createdAt);
        }
    }

    @Schema(description = "Points for a member's spend at the partner, at the programme's rate x the member's tier multiplier",
            examples = "{\"memberNumber\":\"HAIER-00000042\",\"amount\":\"80.00\",\"currency\":\"EUR\",\"reference\":\"INV-2026-0042\"}")
    public record PartnerEarn(@NotBlank String memberNumber, @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "an ISO 4217 code") String currency,
            @NotBlank @Size(max = 100) String reference) {
    }

    @Schema(examples = "{\"memberNumber\":\"HAIER-00000042\",\"points\":200,\"reference\":\"INV-2026-0043\"}")
    public record PartnerBurn(@NotBlank String memberNumber, @NotNull @Positive Long points,
            @NotBlank @Size(max = 100) String reference) {
    }

    /** One of the partner's own transactions; signed points (earn > 0, burn < 0). */
    public record PartnerTransaction(String id, String memberNumber, String kind, long points, String amount, String reference,
            String reason, Instant occurredAt) {
    }

    /**
     * A partner's settlement for [from, to): points it issued (the partner owes their value) and points its
     * customers burned there (the programme owes their value); {@code net} positive means the partner pays.
     */
    public record Settlement(String partnerId, String partnerName, Instant from, Instant to, long earnTransactions,
            long pointsIssued, long burnTransactions, long pointsBurned, String pointValue, String currency,
            String amountOwedByPartner, String amountOwedToPartner, String net) {
    }
}
