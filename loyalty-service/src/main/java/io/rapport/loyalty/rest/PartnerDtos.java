package io.rapport.loyalty.rest;

import io.rapport.loyalty.domain.Partner;
import io.rapport.loyalty.domain.PartnerLimits;
import io.rapport.loyalty.service.PartnerService;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of alliance partners and their transactions. */
public final class PartnerDtos {
    private PartnerDtos() {}

    @Schema(
            description =
                    "An alliance partner; the limits are optional (null: the configured defaults"
                            + " rapport.loyalty.partners.max-points-per-transaction and max-points-per-day, the latter per member and UTC day)",
            examples =
                    "{\"name\":\"Sunrise Travel\",\"programmeId\":\"0b9e8d7c-6f5a-4b3c-9d2e-1f0a9b8c7d6e\",\"pointValue\":\"0.01\","
                            + "\"maxPointsPerTransaction\":5000,\"maxPointsPerDay\":10000}")
    public record PartnerCreate(
            @NotBlank @Size(max = 200) String name,
            @NotNull UUID programmeId,

            @NotNull @DecimalMin("0") @Schema(type = SchemaType.STRING, description = "money per point, e.g. \"0.01\"")
            BigDecimal pointValue,

            @Positive @Max(PartnerLimits.MAX_POINTS) Long maxPointsPerTransaction,
            @Positive @Max(PartnerLimits.MAX_POINTS) Long maxPointsPerDay) {
        PartnerService.PartnerCreate command() {
            return new PartnerService.PartnerCreate(
                    name, programmeId, pointValue, maxPointsPerTransaction, maxPointsPerDay);
        }
    }

    public record PartnerView(
            String id,
            String name,
            String programmeId,
            String pointValue,
            boolean active,
            Long maxPointsPerTransaction,
            Long maxPointsPerDay,
            Instant createdAt) {
        public static PartnerView of(Partner p) {
            return new PartnerView(
                    p.id.toString(),
                    p.name,
                    p.programmeId.toString(),
                    p.pointValue.toPlainString(),
                    p.active,
                    p.maxPointsPerTransaction,
                    p.maxPointsPerDay,
                    p.createdAt);
        }
    }

    @Schema(
            description =
                    "Points for a member's spend at the partner, at the programme's rate x the member's tier multiplier."
                            + " The member must have linked the partner (403 otherwise, the same answer as for an unknown number); amount in"
                            + " (0, rapport.loyalty.partners.max-earn-amount], otherwise 422. The reference is unique per partner and member.",
            examples =
                    "{\"memberNumber\":\"HAIER-7K3M9QX2B4TD\",\"amount\":\"80.00\",\"currency\":\"EUR\",\"reference\":\"INV-2026-0042\"}")
    public record PartnerEarn(
            @NotBlank @Size(max = 40) String memberNumber,

            @Schema(type = SchemaType.STRING, description = "money in the programme currency, e.g. \"80.00\"")
            BigDecimal amount,

            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "an ISO 4217 code")
            String currency,

            @NotBlank @Size(max = 100) String reference) {
        PartnerService.PartnerEarn command() {
            return new PartnerService.PartnerEarn(memberNumber, amount, currency, reference);
        }
    }

    @Schema(
            description =
                    "Points a member spends at the partner. Needs the one-time code the member got from the programme"
                            + " for this partner (POST /api/v1/loyalty/members/{id}/redemption-codes) and shows at the till: 8 characters,"
                            + " valid minutes, once. points: a whole number from 1 to 1000000000, within the partner's limits and the code's"
                            + " maximum. The reference is unique per partner and member: the same request again returns the first booking (200),"
                            + " the same reference with other points or another code is a 409.",
            examples =
                    "{\"memberNumber\":\"HAIER-7K3M9QX2B4TD\",\"code\":\"4F7Q-9ZKM\",\"points\":\"200\",\"reference\":\"INV-2026-0043\"}")
    public record PartnerBurn(
            @NotBlank @Size(max = 40) String memberNumber,

            @Size(max = 20) @Schema(description = "the member's one-time code; case and dashes do not matter")
            String code,

            @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1", maximum = "1000000000")
            BigDecimal points,

            @NotBlank @Size(max = 100) String reference) {
        PartnerService.PartnerBurn command() {
            return new PartnerService.PartnerBurn(memberNumber, code, points, reference);
        }
    }

    /** One of the partner's own transactions; signed points (earn > 0, burn < 0). */
    public record PartnerTransaction(
            String id,
            String memberNumber,
            String kind,
            long points,
            String amount,
            String reference,
            String reason,
            Instant occurredAt) {}

    /**
     * A partner's settlement for [from, to): points it issued (the partner owes their value) and points its
     * customers burned there with a member's code (the programme owes their value); {@code net} positive means the
     * partner pays.
     */
    public record Settlement(
            String partnerId,
            String partnerName,
            Instant from,
            Instant to,
            long earnTransactions,
            long pointsIssued,
            long burnTransactions,
            long pointsBurned,

            @Schema(
                    description =
                            "points of partner redemptions that consumed no member code (booked before codes existed):"
                                    + " not paid")
            long pointsBurnedWithoutProof,

            String pointValue,
            String currency,
            String amountOwedByPartner,
            String amountOwedToPartner,
            String net) {
        static Settlement of(PartnerService.Settlement s) {
            return new Settlement(
                    s.partnerId(),
                    s.partnerName(),
                    s.from(),
                    s.to(),
                    s.earnTransactions(),
                    s.pointsIssued(),
                    s.burnTransactions(),
                    s.pointsBurned(),
                    s.pointsBurnedWithoutProof(),
                    s.pointValue(),
                    s.currency(),
                    s.amountOwedByPartner(),
                    s.amountOwedToPartner(),
                    s.net());
        }
    }
}
