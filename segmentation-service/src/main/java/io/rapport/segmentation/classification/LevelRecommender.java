package io.rapport.segmentation.classification;

import io.rapport.segmentation.config.SegmentationConfig;
import io.rapport.segmentation.domain.KotlerMatrix;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;

/** Puts Kotler's recommended relationship level on each class of a run, with the configured thresholds. */
@ApplicationScoped
public class LevelRecommender {
    private final KotlerMatrix matrix;

    public LevelRecommender(SegmentationConfig config) {
        SegmentationConfig.Kotler k = config.kotler();
        this.matrix = new KotlerMatrix(k.manyPercent(), k.fewPercent(), k.highMarginIndex(), k.lowMarginIndex());
    }

    public KotlerMatrix matrix() {
        return matrix;
    }

    public List<ClassStat> recommend(List<ClassStat> stats, long customers) {
        BigDecimal margin = stats.stream().map(ClassStat::grossMargin).reduce(BigDecimal.ZERO, BigDecimal::add);
        return stats.stream()
                .map(s -> s.withLevel(matrix.recommend(s.customers(), s.grossMargin(), customers, margin)
                        .name()))
                .toList();
    }
}
