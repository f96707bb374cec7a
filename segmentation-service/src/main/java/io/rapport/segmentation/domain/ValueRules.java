package io.rapport.segmentation.domain;

import java.math.BigDecimal;

/**
 * The MVC / MGC / BZ policy. BZ: profit below 0. MVC: the top {@code mvcTopPercent} of the profitable
 * customers by profit. MGC: among the rest (not BZ, not MVC) with a known wallet and a positive potential
 * (wallet minus revenue), the top {@code mgcTopPercent} by potential. OTHER: everyone else. "Top p%" uses
 * the crossing rule of ABC: a customer is in when the share of customers ranked before them is below p.
 */
public record ValueRules(BigDecimal mvcTopPercent, BigDecimal mgcTopPercent) {

    public static final String BZ = "BZ";
    public static final String MVC = "MVC";
    public static final String MGC = "MGC";
    public static final String OTHER = "OTHER";

    public static ValueRules defaults() {
        return new ValueRules(BigDecimal.valueOf(20), BigDecimal.valueOf(20));
    }

    /** Fills the 20% defaults and checks both shares are above 0 and at most 100. */
    public ValueRules normalised() {
        BigDecimal mvc = mvcTopPercent == null ? BigDecimal.valueOf(20) : mvcTopPercent;
        BigDecimal mgc = mgcTopPercent == null ? BigDecimal.valueOf(20) : mgcTopPercent;
        check("mvcTopPercent", mvc);
        check("mgcTopPercent", mgc);
        return new ValueRules(mvc, mgc);
    }

    private static void check(String field, BigDecimal v) {
        if (v.signum() <= 0 || v.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new PolicyViolation(field, "must be above 0 and at most 100 percent");
        }
    }
}
