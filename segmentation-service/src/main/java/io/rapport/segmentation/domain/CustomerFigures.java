package io.rapport.segmentation.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One customer's value figures over a period, as the database computed them: money in the service currency.
 * {@code revenue} is what was bought (gross); net revenue, gross margin, profit, share of wallet and potential come
 * from the functions of {@code R__value_figures.sql}, the only place their formulas live (net revenue = revenue -
 * refunds; gross margin = net revenue - cost of goods; profit = gross margin - cost-to-serve; share of wallet = net
 * revenue / wallet, null without a positive wallet; potential = wallet - net revenue, null without a wallet).
 *
 * @param tenureYears years since the customer was first seen (registration or first purchase)
 */
public record CustomerFigures(
        BigDecimal revenue,
        BigDecimal costOfGoods,
        BigDecimal refunds,
        BigDecimal netRevenue,
        BigDecimal grossMargin,
        BigDecimal costToServe,
        BigDecimal profit,
        long purchases,
        long categories,
        long complaints,
        BigDecimal wallet,
        BigDecimal shareOfWallet,
        BigDecimal potential,
        BigDecimal tenureYears,
        Instant firstPurchaseAt,
        Instant lastPurchaseAt) {}
