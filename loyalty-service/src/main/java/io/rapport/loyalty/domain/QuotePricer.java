package io.rapport.loyalty.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Prices a basket for a member, deterministically, in this order:
 * <ol>
 * <li>member price: a line's unit price drops to the lowest MEMBER_PRICE of its SKU when lower;</li>
 * <li>volume break: per line, the single best VOLUME_BREAK whose minimum quantity the line reaches, as a
 * percent of the line after the member price;</li>
 * <li>repeat purchase: the single best REPEAT_PURCHASE_DISCOUNT the customer's earlier purchases reach,
 * as a percent of the basket after the line discounts.</li>
 * </ol>
 * Every discount is rounded half up to the currency's minor unit on its own; ties between equal offers
 * are broken by benefit id, so the same input always gives the same quote. Benefits that do not change a
 * price are listed as applicable without a discount line.
 */
public final class QuotePricer {
    private static final Comparator<BenefitRule> STABLE = Comparator.comparing(BenefitRule::id);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private QuotePricer() {}

    /** @param eligible the benefits the member is eligible for (see {@link BenefitRule#ineligibility}) */
    public static Priced price(
            String currency, List<BasketLine> basket, List<BenefitRule> eligible, long earlierPurchases) {
        int scale = Currency.getInstance(currency).getDefaultFractionDigits();
        List<DiscountLine> discounts = new ArrayList<>();
        List<PricedLine> lines = new ArrayList<>();
        BigDecimal subtotal = BigDecimal.ZERO.setScale(scale);
        BigDecimal afterLines = BigDecimal.ZERO.setScale(scale);
        for (BasketLine line : basket) {
            BigDecimal list = line.unitPrice()
                    .multiply(BigDecimal.valueOf(line.quantity()))
                    .setScale(scale, RoundingMode.HALF_UP);
            subtotal = subtotal.add(list);
            BigDecimal net = list;
            Optional<BenefitRule> memberPrice = eligible.stream()
                    .filter(b -> b.kind() == BenefitKind.MEMBER_PRICE
                            && b.memberPrice() != null
                            && b.sku() != null
                            && b.sku().equals(line.sku())
                            && b.memberPrice().compareTo(line.unitPrice()) < 0)
                    .min(Comparator.comparing(BenefitRule::memberPrice).thenComparing(STABLE));
            if (memberPrice.isPresent()) {
                BigDecimal memberTotal = memberPrice
                        .get()
                        .memberPrice()
                        .multiply(BigDecimal.valueOf(line.quantity()))
                        .setScale(scale, RoundingMode.HALF_UP);
                BigDecimal off = list.subtract(memberTotal);
                discounts.add(new DiscountLine(
                        memberPrice.get().id(),
                        BenefitKind.MEMBER_PRICE,
                        line.sku(),
                        off,
                        memberPrice.get().name() + ": member price "
                                + memberPrice.get().memberPrice().toPlainString() + " instead of "
                                + line.unitPrice().toPlainString() + " x " + line.quantity()));
                net = memberTotal;
            }
            Optional<BenefitRule> volume = eligible.stream()
                    .filter(b -> b.kind() == BenefitKind.VOLUME_BREAK
                            && b.percent() != null
                            && b.minQuantity() != null
                            && line.quantity() >= b.minQuantity()
                            && b.matchesLine(line.sku(), line.category()))
                    .max(Comparator.comparing(BenefitRule::percent)
                            .thenComparing(BenefitRule::minQuantity)
                            .thenComparing(STABLE.reversed()));
            if (volume.isPresent()) {
                BigDecimal off = percentOf(net, volume.get().percent(), scale);
                discounts.add(new DiscountLine(
                        volume.get().id(),
                        BenefitKind.VOLUME_BREAK,
                        line.sku(),
                        off,
                        volume.get().name() + ": "
                                + volume.get().percent().stripTrailingZeros().toPlainString() + "% off "
                                + net.toPlainString() + " for " + line.quantity() + " units (from "
                                + volume.get().minQuantity() + ")"));
                net = net.subtract(off);
            }
            lines.add(new PricedLine(line.sku(), line.category(), line.quantity(), line.unitPrice(), list, net));
            afterLines = afterLines.add(net);
        }
        BigDecimal total = afterLines;
        Optional<BenefitRule> repeat = eligible.stream()
                .filter(b -> b.kind() == BenefitKind.REPEAT_PURCHASE_DISCOUNT
                        && b.percent() != null
                        && earlierPurchases >= (b.minPurchases() == null ? 1 : b.minPurchases()))
                .max(Comparator.comparing(BenefitRule::percent).thenComparing(STABLE.reversed()));
        if (repeat.isPresent()) {
            BigDecimal off = percentOf(afterLines, repeat.get().percent(), scale);
            discounts.add(new DiscountLine(
                    repeat.get().id(),
                    BenefitKind.REPEAT_PURCHASE_DISCOUNT,
                    null,
                    off,
                    repeat.get().name() + ": "
                            + repeat.get().percent().stripTrailingZeros().toPlainString() + "% off "
                            + afterLines.toPlainString() + " after " + earlierPurchases + " earlier purchases"));
            total = total.subtract(off);
        }
        List<BenefitRule> applied = new ArrayList<>();
        for (BenefitRule b : eligible.stream()
                .sorted(Comparator.comparing(BenefitRule::kind).thenComparing(STABLE))
                .toList()) {
            if (!b.kind().changesPrice()
                    || discounts.stream().anyMatch(d -> d.benefitId().equals(b.id()))) {
                applied.add(b);
            }
        }
        BigDecimal discountTotal = subtotal.subtract(total);
        return new Priced(lines, discounts, applied, subtotal, discountTotal, total);
    }

    private static BigDecimal percentOf(BigDecimal amount, BigDecimal percent, int scale) {
        return amount.multiply(percent).divide(HUNDRED, scale, RoundingMode.HALF_UP);
    }

    public record BasketLine(String sku, String category, int quantity, BigDecimal unitPrice) {}

    /** @param listTotal quantity x unit price; @param netTotal after member price and volume break */
    public record PricedLine(
            String sku,
            String category,
            int quantity,
            BigDecimal unitPrice,
            BigDecimal listTotal,
            BigDecimal netTotal) {}

    /** @param sku the line it applies to, null for the whole basket */
    public record DiscountLine(
            java.util.UUID benefitId, BenefitKind kind, String sku, BigDecimal amount, String explanation) {}

    /** @param applied benefits that apply: every privilege plus the price benefits that produced a discount */
    public record Priced(
            List<PricedLine> lines,
            List<DiscountLine> discounts,
            List<BenefitRule> applied,
            BigDecimal subtotal,
            BigDecimal discountTotal,
            BigDecimal total) {}
}
