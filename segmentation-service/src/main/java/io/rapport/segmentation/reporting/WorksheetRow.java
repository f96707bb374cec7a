package io.rapport.segmentation.reporting;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One customer on a worksheet, with the window figures and classes that put them on it. Money is in the service
 * currency as a plain decimal string with 2 decimals, fractions with 4 (Decimals). {@code revenue} is what was
 * bought, {@code netRevenue} = revenue - refunds (what ABC, share of wallet and potential use); {@code shareOfWallet}
 * = net revenue / wallet (null without a wallet); {@code revenueRank} is the customer's place by net revenue among all
 * live customers (1 = highest, ties by customer id) and {@code revenuePercentile} = revenueRank / live customers
 * (0.0500 = in the top 5%); {@code complaints} counts the last 12 months; {@code previousRevenue} is net revenue in the
 * 12 months before the last 12; {@code change} is net revenue of the last 12 months minus it (year over year).
 * Segmentation keeps no personal data: no names; those come from customer-service (or the gateway's Customer 360).
 */
@Schema(
        description = "One customer on a worksheet: id, classes and the window figures that put them there. No name or "
                + "other personal data: segmentation keeps none; look the id up in customer-service (GET /api/v1/customers/{id}) "
                + "or the gateway's Customer 360. Money: decimal strings with 2 decimals in the service currency; fractions "
                + "(shareOfWallet, revenuePercentile): 4 decimals.",
        examples = """
        {"customerId":"6f1c2f9e-2b7a-4a43-9d1e-0c3c2b1a9e10","abcClass":"A","valueClass":"MVC","revenue":"1200.00",
         "refunds":"50.00","netRevenue":"1150.00","grossMargin":"450.00","costToServe":"80.00","profit":"370.00",
         "purchases":7,"categories":3,"complaints":1,"wallet":"5000.00","shareOfWallet":"0.2300","potential":"3850.00",
         "target":false,"revenueRank":12,"revenuePercentile":"0.0120","previousRevenue":"900.00","change":"250.00"}""")
public record WorksheetRow(
        UUID customerId,
        String abcClass,
        String valueClass,
        String revenue,
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
        boolean target,
        long revenueRank,
        String revenuePercentile,
        String previousRevenue,
        String change) {}
