package io.rapport.engagement.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A campaign's result against its economics (the "reptile" rule: reach many, a few convert). The campaign pays
 * when its response rate (responders / contacted) reaches the break-even rate (cost per contact / margin per
 * conversion). Revenue is the margin the conversions earned (conversions x margin per conversion), cost is
 * contacted x cost per contact, net is revenue minus cost. Rates have 4 decimals and money 2, rounded half up;
 * {@link #aboveBreakEven()} compares the exact figures (responders x margin against contacted x cost), so a rate
 * just below break-even never passes because both round to the same 4 decimals.
 *
 * @param contacted targets reached: contact made, or the target responded (a response proves it was reached)
 * @param responders targets that responded (at most contacted)
 * @param conversions responders that bought (at most responders)
 */
public record CampaignEconomics(
        long contacted, long responders, long conversions, BigDecimal costPerContact, BigDecimal marginPerConversion) {

    public CampaignEconomics {
        if (contacted < 0 || responders < 0 || conversions < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (responders > contacted) {
            throw new IllegalArgumentException(
                    "responders (" + responders + ") must be reached, so at most contacted (" + contacted + ")");
        }
        if (conversions > responders) {
            throw new IllegalArgumentException(
                    "conversions (" + conversions + ") are responders, so at most " + responders);
        }
    }

    public BigDecimal responseRate() {
        return contacted == 0
                ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(responders).divide(BigDecimal.valueOf(contacted), 4, RoundingMode.HALF_UP);
    }

    /** Null when the margin per conversion is zero: no response rate can pay for the contacts then. */
    public BigDecimal breakEvenRate() {
        return marginPerConversion.signum() == 0
                ? null
                : costPerContact.divide(marginPerConversion, 4, RoundingMode.HALF_UP);
    }

    public BigDecimal totalCost() {
        return costPerContact.multiply(BigDecimal.valueOf(contacted)).setScale(2, RoundingMode.HALF_UP);
    }

    /** The margin the conversions earned. */
    public BigDecimal revenue() {
        return marginPerConversion.multiply(BigDecimal.valueOf(conversions)).setScale(2, RoundingMode.HALF_UP);
    }

    /** Revenue minus the cost of the contacts made. */
    public BigDecimal net() {
        return revenue().subtract(totalCost());
    }

    /** responders / contacted >= cost / margin, compared exactly as responders x margin >= contacted x cost. */
    public boolean aboveBreakEven() {
        if (contacted == 0 || marginPerConversion.signum() == 0) {
            return false;
        }
        return marginPerConversion
                        .multiply(BigDecimal.valueOf(responders))
                        .compareTo(costPerContact.multiply(BigDecimal.valueOf(contacted)))
                >= 0;
    }
}
