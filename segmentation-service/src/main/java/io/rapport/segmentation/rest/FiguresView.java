package io.rapport.segmentation.rest;

import io.rapport.segmentation.domain.CustomerFigures;
import io.rapport.segmentation.domain.Decimals;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Value figures over a period; money as decimal strings with 2 decimals in {@code currency}, shareOfWallet with 4
 * (Decimals). revenue is what was bought, netRevenue =
 * revenue - refunds (what ABC, share of wallet and potential use); shareOfWallet = netRevenue / wallet, a fraction
 * (0.25 = a quarter of the wallet), null without a known wallet; potential = wallet - netRevenue.
 */
@Schema(description = "Value figures of a customer over a period", examples = """
        {"currency":"EUR","revenue":"1200.00","costOfGoods":"700.00","refunds":"50.00","netRevenue":"1150.00","grossMargin":"450.00",
         "costToServe":"80.00","profit":"370.00","purchases":7,"categories":3,"complaints":1,"wallet":"5000.00",
         "shareOfWallet":"0.2300","potential":"3850.00","tenureYears":"2.5","firstPurchaseAt":"2024-05-01T10:00:00Z",
         "lastPurchaseAt":"2026-10-02T09:30:00Z"}""")
public record FiguresView(
        String currency,
        String revenue,
        String costOfGoods,
        String refunds,
        String netRevenue,
        String grossMargin,
        String costToServe,
        String profit,
        long purchases,
        long categories,
        long complaints,
        String wallet,
        String shareOfWallet,
        String potential,
        String tenureYears,
        Instant firstPurchaseAt,
        Instant lastPurchaseAt) {

    static FiguresView of(CustomerFigures f, String currency) {
        return new FiguresView(
                currency,
                text(f.revenue()),
                text(f.costOfGoods()),
                text(f.refunds()),
                text(f.netRevenue()),
                text(f.grossMargin()),
                text(f.costToServe()),
                text(f.profit()),
                f.purchases(),
                f.categories(),
                f.complaints(),
                text(f.wallet()),
                Decimals.ratio(f.shareOfWallet()),
                text(f.potential()),
                f.tenureYears() == null
                        ? null
                        : f.tenureYears()
                                .setScale(2, java.math.RoundingMode.HALF_UP)
                                .toPlainString(),
                f.firstPurchaseAt(),
                f.lastPurchaseAt());
    }

    static String text(BigDecimal v) {
        return Decimals.money(v);
    }
}
