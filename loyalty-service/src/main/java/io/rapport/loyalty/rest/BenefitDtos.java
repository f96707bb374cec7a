package io.rapport.loyalty.rest;

import io.rapport.loyalty.domain.Benefit;
import io.rapport.loyalty.domain.BenefitKind;
import io.rapport.loyalty.domain.QuotePricer;
import io.rapport.loyalty.domain.Tier;
import io.rapport.loyalty.service.QuoteService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of benefits and quotes. */
public final class BenefitDtos {
    private BenefitDtos() {}

    @Schema(
            description = "A benefit. Eligibility: minTier (a tier code) and/or segmentClasses (SCHEME:CLASS), either"
                    + " suffices; neither means every member.",
            examples = """
            {"kind":"VOLUME_BREAK","name":"Ten or more","category":"kitchen","minQuantity":10,"percent":"10","minTier":"GOLD"}""")
    public record BenefitCreate(
            @NotNull BenefitKind kind,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description,
            String minTier,
            List<@Pattern(regexp = "[A-Z_]+:[A-Za-z0-9_]+", message = "SCHEME:CLASS") String> segmentClasses,

            @DecimalMin(value = "0", inclusive = false) @DecimalMax("100")
            BigDecimal percent,

            @DecimalMin("0") BigDecimal memberPrice,
            String sku,
            String category,
            @Min(1) Integer minQuantity,
            @Min(1) Integer minPurchases) {
        io.rapport.loyalty.service.BenefitService.BenefitCreate command() {
            return new io.rapport.loyalty.service.BenefitService.BenefitCreate(
                    kind,
                    name,
                    description,
                    minTier,
                    segmentClasses,
                    percent,
                    memberPrice,
                    sku,
                    category,
                    minQuantity,
                    minPurchases);
        }
    }

    public record BenefitView(
            String id,
            String kind,
            String name,
            String description,
            Integer minTierRank,
            List<String> segmentClasses,
            String percent,
            String memberPrice,
            String sku,
            String category,
            Integer minQuantity,
            Integer minPurchases) {
        public static BenefitView of(Benefit b) {
            return new BenefitView(
                    b.id.toString(),
                    b.kind.name(),
                    b.name,
                    b.description,
                    b.minTierRank,
                    Tier.labels(b.segmentClasses).stream().sorted().toList(),
                    plain(b.percent),
                    plain(b.memberPrice),
                    b.sku,
                    b.category,
                    b.minQuantity,
                    b.minPurchases);
        }
    }

    @Schema(description = "A basket to price for a customer, in the programme currency", examples = """
            {"customerId":"3f1c2b9e-8a52-4d7e-9f1a-0c6b1d2e3f40","currency":"EUR",
             "lines":[{"sku":"FRIDGE-200","category":"kitchen","quantity":12,"unitPrice":"499.00"}]}""")
    public record QuoteRequest(
            @NotNull UUID customerId,

            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "an ISO 4217 code")
            String currency,

            @NotEmpty @Size(max = 500) List<@Valid @NotNull QuoteLine> lines) {
        List<QuotePricer.BasketLine> basket() {
            return lines.stream()
                    .map(l -> new QuotePricer.BasketLine(l.sku(), l.category(), l.quantity(), l.unitPrice()))
                    .toList();
        }
    }

    public record QuoteLine(
            @NotBlank String sku,
            String category,
            @NotNull @Min(1) Integer quantity,
            @NotNull @DecimalMin("0") BigDecimal unitPrice) {}

    public record AppliedBenefit(String benefitId, String kind, String name, String why) {}

    public record SkippedBenefit(String benefitId, String kind, String name, String why) {}

    public record DiscountLineView(String benefitId, String kind, String sku, String amount, String explanation) {}

    public record PricedLineView(
            String sku, String category, int quantity, String unitPrice, String listTotal, String netTotal) {}

    /** The quote: the same input always gives the same body (no timestamps, stable order). */
    public record QuoteView(
            String programmeId,
            String customerId,
            String memberNumber,
            String tier,
            String currency,
            List<PricedLineView> lines,
            List<AppliedBenefit> benefits,
            List<SkippedBenefit> notApplied,
            List<DiscountLineView> discounts,
            String subtotal,
            String discountTotal,
            String total,
            String rounding) {
        static QuoteView of(QuoteService.Quote q) {
            QuotePricer.Priced priced = q.priced();
            return new QuoteView(
                    q.programmeId(),
                    q.customerId(),
                    q.memberNumber(),
                    q.tier(),
                    q.currency(),
                    priced.lines().stream()
                            .map(l -> new PricedLineView(
                                    l.sku(),
                                    l.category(),
                                    l.quantity(),
                                    l.unitPrice().toPlainString(),
                                    l.listTotal().toPlainString(),
                                    l.netTotal().toPlainString()))
                            .toList(),
                    q.applied().stream()
                            .map(v -> new AppliedBenefit(
                                    v.benefit().id().toString(),
                                    v.benefit().kind().name(),
                                    v.benefit().name(),
                                    v.why()))
                            .toList(),
                    q.notApplied().stream()
                            .map(v -> new SkippedBenefit(
                                    v.benefit().id().toString(),
                                    v.benefit().kind().name(),
                                    v.benefit().name(),
                                    v.why()))
                            .toList(),
                    priced.discounts().stream()
                            .map(d -> new DiscountLineView(
                                    d.benefitId().toString(),
                                    d.kind().name(),
                                    d.sku(),
                                    d.amount().toPlainString(),
                                    d.explanation()))
                            .toList(),
                    priced.subtotal().toPlainString(),
                    priced.discountTotal().toPlainString(),
                    priced.total().toPlainString(),
                    "each discount rounded half up to the currency's minor unit");
        }
    }

    static String plain(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }
}
