package io.rapport.segmentation.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a run leaves behind to classify customers between runs: the smallest positive value that made it
 * into each class but the last. A customer with value v > 0 gets the first class whose minimum v reaches;
 * zero or negative value, or below every minimum, gets the last class. A class nobody reached in the run
 * (no minimum) is skipped.
 *
 * @param maxima the largest value of each SCORE figure in the run (to normalise a customer's score)
 */
public record AbcThresholds(
        List<String> labels, Map<String, BigDecimal> minimumValue, Map<ScoreWeight, BigDecimal> maxima) {

    public String classify(BigDecimal value) {
        String last = labels.get(labels.size() - 1);
        if (value.signum() <= 0) {
            return last;
        }
        for (int i = 0; i < labels.size() - 1; i++) {
            BigDecimal min = minimumValue.get(labels.get(i));
            if (min != null && value.compareTo(min) >= 0) {
                return labels.get(i);
            }
        }
        return last;
    }
}
