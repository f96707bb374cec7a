package io.rapport.engagement.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A campaign's result against its economics: it pays when the response rate (responses / contacts made) reaches
 * the break-even rate (cost per contact / margin per conversion). Rates have 4 decimals, rounded half up.
 */
public record CampaignEconomics(long contacted, long responses, long conversions, BigDecimal costPerContact,
        BigDecimal marginPerConversion) {

    public BigDecimal responseRate() {
        return contacted == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(responses).divide(BigDecimal.valueOf(contacted), 4, RoundingMode.HALF_UP);
    }

    /** Null when the margin per conversion is zero: no response rate can pay for the contacts then. */
    public BigDecimal breakEvenRate() {
        return marginPerConversion.signum() == 0 ? null
                : costPerContact.divide(marginPerConversion, 4, RoundingMode.HALF_UP);
    }

    public BigDecimal totalCost() {
        return costPerContact.multiply(BigDecimal.valueOf(contacted)).setScale(2, RoundingMode.HALF_UP);
    }

    /** Margin earned by conversions minus the cost of the contacts. */
    public BigDecimal net() {
        return marginPerConversion.multiply(BigDecimal.valueOf(conversions)).subtract(totalCost()).setScale(2,
                RoundingMode.HALF_UP);
    }

    public boolean aboveBreakEven() {
        BigDecimal be = breakEvenRate();
        return be != null && contacted > 0 && responseRate().compareTo(be) >= 0;
    }
}
