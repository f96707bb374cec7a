package io.rapport.segmentation.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;

/**
 * One customer's value figures over a period. Money in the service currency. {@code revenue} is what was bought
 * (gross); net revenue = revenue - refunds is what the customer is worth: it is the REVENUE metric of ABC, the
 * revenue of share of wallet and of potential. Gross margin = net revenue - cost of goods (cost of goods is net of
 * goods returned), i.e. revenue - refunds - cost of goods; profit = gross margin - cost-to-serve; share of wallet =
 * net revenue / wallet, unknown without a wallet; potential = wallet - net revenue.
 *
 * @param tenureYears years since the customer was first seen (registration or first purchase)
 */
public record CustomerFigures(BigDecimal revenue, BigDecimal costOfGoods, BigDecimal refunds, BigDecimal costToServe,
        long purchases, long categories, long complaints, BigDecimal wallet, BigDecimal tenureYears,
        Instant firstPurchaseAt, Instant lastPurchaseAt) {

    private static final MathContext DIVISION = new MathContext(20, RoundingMode.HALF_EVEN);

    /** Revenue minus the money given back by refunds: a wholly refunded order adds nothing. */
    public BigDecimal netRevenue() {
        return revenue.subtract(refunds);
    }

    public BigDecimal grossMargin() {
        return netRevenue().subtract(costOfGoods);
    }

    public BigDecimal profit() {
        return grossMargin().subtract(costToServe);
    }

    /** Net revenue / wallet (a fraction, 1 = all of it); null when the wallet is unknown or not positive. */
    public BigDecimal shareOfWallet() {
        return wallet == null || wallet.signum() <= 0 ? null : netRevenue().divide(wallet, DIVISION);
    }

    /** Wallet - net revenue; null when the wallet is unknown. */
    public BigDecimal potential() {
        return wallet == null ? null : wallet.subtract(netRevenue());
    }

    /**
     * The value of an ABC metric (REVENUE is net revenue). SCORE = sum of weight x figure / the figure's largest value over all
     * customers in the last run ({@code maxima}); a figure whose maximum is not positive adds nothing.
     */
    public BigDecimal metric(AbcRules rules, Map<ScoreWeight, BigDecimal> maxima) {
        return switch (rules.metric()) {
            case REVENUE -> netRevenue();
            case PROFIT -> profit();
            case VOLUME -> BigDecimal.valueOf(purchases);
            case SCORE -> score(rules, maxima);
        };
    }

    private BigDecimal score(AbcRules rules, Map<ScoreWeight, BigDecimal> maxima) {
        BigDecimal score = BigDecimal.ZERO;
        for (ScoreWeight w : ScoreWeight.values()) {
            BigDecimal weight = rules.weight(w);
            BigDecimal max = maxima == null ? null : maxima.get(w);
            if (weight.signum() == 0 || max == null || max.signum() <= 0) {
                continue;
            }
            score = score.add(weight.multiply(figure(w)).divide(max, DIVISION));
        }
        return score;
    }

    public BigDecimal figure(ScoreWeight w) {
        return switch (w) {
            case REVENUE -> netRevenue();
            case PROFIT -> profit();
            case VOLUME -> BigDecimal.valueOf(purchases);
            case TENURE -> tenureYears == null ? BigDecimal.ZERO : tenureYears;
        };
    }
}
