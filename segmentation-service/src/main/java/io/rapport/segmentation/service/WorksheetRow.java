package io.rapport.segmentation.service;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One customer on a worksheet, with their window figures (money in the service currency) and classes.
 * {@code revenue} is what was bought, {@code netRevenue} = revenue - refunds (what ABC, share of wallet and potential
 * use); {@code shareOfWallet} = net revenue / wallet, a fraction (null without a wallet); {@code complaints} counts the
 * last 12 months; {@code previousRevenue} is net revenue in the 12 months before the last 12; {@code change} is net
 * revenue of the last 12 months minus it (year over year).
 */
public record WorksheetRow(UUID customerId, String abcClass, String valueClass, BigDecimal revenue, BigDecimal refunds,
        BigDecimal netRevenue, BigDecimal grossMargin,
        BigDecimal costToServe, BigDecimal profit, long purchases, long categories, long complaints, BigDecimal wallet,
        BigDecimal shareOfWallet, BigDecimal potential, boolean target, BigDecimal previousRevenue,
        BigDecimal change) {
}
