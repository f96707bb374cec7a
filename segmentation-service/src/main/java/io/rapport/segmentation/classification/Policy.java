package io.rapport.segmentation.classification;

import io.rapport.segmentation.domain.AbcRules;
import io.rapport.segmentation.domain.Scheme;
import io.rapport.segmentation.domain.ValueRules;
import java.time.Instant;

/** One version of a scheme's policy; {@code abc} is set for ABC, {@code value} for VALUE. */
public record Policy(
        Scheme scheme,
        long version,
        boolean active,
        AbcRules abc,
        ValueRules value,
        Instant createdAt,
        String createdBy) {

    /** The rule in words, for explanations. */
    public String describe() {
        if (abc != null) {
            return "ABC by " + abc.metric()
                    + (abc.metric() == io.rapport.segmentation.domain.AbcMetric.REVENUE
                            ? " (net: revenue - refunds)"
                            : "")
                    + (abc.weights() == null ? "" : " " + abc.weights()) + ", " + abc.method()
                    + " cut-offs " + abc.cutoffs() + "% into " + abc.labels()
                    + "; ranked highest first, ties by customer id; the customer crossing a cut-off stays in the class"
                    + " before it; zero or negative value is always " + abc.lastLabel();
        }
        return "BZ: profit below 0; MVC: top " + value.mvcTopPercent().toPlainString()
                + "% of profitable customers by profit; MGC: top "
                + value.mgcTopPercent().toPlainString()
                + "% of the rest with a known wallet by potential (wallet - net revenue); OTHER: everyone else";
    }
}
