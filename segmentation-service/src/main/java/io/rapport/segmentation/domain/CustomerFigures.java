package io.rapport.segmentation.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;

/**
 * One customer's value figures over a period. Money in the service currency. Gross margin = revenue -
 * cost of goods - refunds (cost of goods is net of goods returned); profit = gross margin - cost-to-serve;
 * share of wallet = revenue / wallet, unknown without a wallet; potential = wallet - revenue.
 *
 * @param tenureYears years since the customer was first seen (registration or first purchase)
 */
public record CustomerFigures(BigDecimal revenue, BigDecimal costOfGoods, BigDecimal refunds, BigDecimal costToServe,
        long purchases, long categories, long complaints, BigDecimal wallet, BigDecimal tenureYears,
        Instant firstPurchaseAt, Instant lastPurchaseAt) {

    private static final MathContext DIVISION = new MathContext(20, RoundingMode.HALF_EVEN);

    public BigDecimal grossMargin() {
        return revenue.subtract(costOfGoods).subtract(refunds);
    }

    public BigDecimal profit() {
        return grossMargin().subtract(costToServe);
    }

    /** Revenue / wallet (a fraction, 1 = all of it); null when the wallet is unknown or not positive. */
    public BigDecimal shareOfWallet() {
        return wallet == null || wallet.signum() <= 0 ? null : revenue.divide(wallet, DIVISION);
    }

    public BigDecimal potential() {
        return wallet == null ? null : wallet.subtract(revenue);
    }

    /**
     * The value of an ABC metric. SCORE = sum of weight x figure / the figure's largest value over all
     * customers in the last run ({@code maxima}); a figure whose maximum is not positive adds nothing.
     */
    public BigDecimal metric(AbcRules rules, Map<ScoreWeight, BigDecimal> maxima) {
        return switch (rules.metric()) {
            case REVENUE -> revenue;
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
            case REVENUE -> revenue;
            case PROFIT -> profit();
            case VOLUME -> BigDecimal.valueOf(purchases);
            case TENURE -> tenureYears == null ? BigDecimal.ZERO : tenureYears;
        };
    }
}
