package io.rapport.segmentation.domain;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An ABC policy: rank by {@code metric}, highest first (ties by customer id), and cut the ranking with
 * {@code method} at {@code cutoffs} (percent, strictly increasing, each above 0 and below 100) into
 * {@code labels} (at least 2; one more label than cut-offs). Customers with zero or negative value always
 * fall in the last class.
 *
 * @param weights only for SCORE: weight per figure (REVENUE, PROFIT, VOLUME, TENURE), each 0 or more
 */
public record AbcRules(
        AbcMetric metric,
        Map<ScoreWeight, BigDecimal> weights,
        AbcMethod method,
        List<BigDecimal> cutoffs,
        List<String> labels) {

    public static final List<String> DEFAULT_LABELS = List.of("A", "B", "C");

    /** The default policy: revenue, cumulative share 80/95, classes A, B, C. */
    public static AbcRules defaults() {
        return new AbcRules(
                AbcMetric.REVENUE,
                null,
                AbcMethod.CUMULATIVE_SHARE,
                AbcMethod.CUMULATIVE_SHARE.defaultCutoffs(),
                DEFAULT_LABELS);
    }

    /**
     * Fills defaults (metric REVENUE, method CUMULATIVE_SHARE, labels A/B/C, the method's cut-offs when three
     * classes) and checks every rule.
     *
     * @throws PolicyViolation naming the field that breaks a rule
     */
    public AbcRules normalised() {
        AbcMetric m = metric == null ? AbcMetric.REVENUE : metric;
        AbcMethod me = method == null ? AbcMethod.CUMULATIVE_SHARE : method;
        List<String> l = labels == null ? DEFAULT_LABELS : List.copyOf(labels);
        if (l.size() < 2) {
            throw new PolicyViolation("labels", "at least 2 classes are needed");
        }
        if (l.stream().anyMatch(s -> s == null || s.isBlank() || s.length() > 20)) {
            throw new PolicyViolation("labels", "labels must be 1 to 20 characters");
        }
        if (new HashSet<>(l).size() != l.size()) {
            throw new PolicyViolation("labels", "labels must be distinct");
        }
        List<BigDecimal> c = cutoffs;
        if (c == null) {
            if (l.size() != 3) {
                throw new PolicyViolation("cutoffs", "cut-offs are required unless there are exactly 3 classes");
            }
            c = me.defaultCutoffs();
        }
        if (c.size() != l.size() - 1) {
            throw new PolicyViolation(
                    "cutoffs", "there must be one cut-off fewer than labels (" + (l.size() - 1) + ")");
        }
        BigDecimal previous = BigDecimal.ZERO;
        for (BigDecimal cut : c) {
            if (cut == null || cut.signum() <= 0 || cut.compareTo(BigDecimal.valueOf(100)) >= 0) {
                throw new PolicyViolation("cutoffs", "each cut-off must be above 0 and below 100 percent");
            }
            if (cut.compareTo(previous) <= 0) {
                throw new PolicyViolation("cutoffs", "cut-offs must be strictly increasing");
            }
            previous = cut;
        }
        Map<ScoreWeight, BigDecimal> w = null;
        if (m == AbcMetric.SCORE) {
            if (weights == null || weights.isEmpty()) {
                throw new PolicyViolation("weights", "a SCORE metric needs weights");
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (var e : weights.entrySet()) {
                if (e.getKey() == null || e.getValue() == null || e.getValue().signum() < 0) {
                    throw new PolicyViolation(
                            "weights", "weights must be 0 or more for REVENUE, PROFIT, VOLUME or TENURE");
                }
                sum = sum.add(e.getValue());
            }
            if (sum.signum() == 0) {
                throw new PolicyViolation("weights", "at least one weight must be above 0");
            }
            w = new TreeMap<>(weights);
        } else if (weights != null && !weights.isEmpty()) {
            throw new PolicyViolation("weights", "weights apply only to the SCORE metric");
        }
        return new AbcRules(m, w, me, List.copyOf(c), l);
    }

    public String lastLabel() {
        return labels.get(labels.size() - 1);
    }

    /** The weight of one figure in a SCORE, 0 when absent. */
    public BigDecimal weight(ScoreWeight figure) {
        return weights == null ? BigDecimal.ZERO : weights.getOrDefault(figure, BigDecimal.ZERO);
    }
}
