package io.rapport.gateway.console;

import io.quarkus.qute.TemplateData;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Pareto curve of an ABC run as the Overview draws it: point k (1..100) = share of the total value held by the top k%
 * of customers (segmentation stores these 100 points with each run), starting at (0, 0); and the A/B/C cut-offs, each
 * class's upper edge as the cumulative share of customers (classes are ranked best first, so A is the leftmost band).
 */
@TemplateData
public record ParetoCurve(List<double[]> points, List<CutOff> cutOffs) {
    @TemplateData
    public record CutOff(String label, double customerPercent, long customers) {}

    /**
     * @param pareto the run's 100 shares (0..1)
     * @param counts customers per class label, in rank order (A, B, C)
     */
    public static ParetoCurve of(List<BigDecimal> pareto, Map<String, Long> counts) {
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0});
        for (int k = 0; k < pareto.size(); k++) {
            points.add(new double[] {k + 1, round(pareto.get(k).doubleValue() * 100)});
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<CutOff> cutOffs = new ArrayList<>();
        long cumulative = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            cumulative += e.getValue();
            cutOffs.add(new CutOff(e.getKey(), total == 0 ? 0 : round(100.0 * cumulative / total), e.getValue()));
        }
        return new ParetoCurve(points, cutOffs);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
