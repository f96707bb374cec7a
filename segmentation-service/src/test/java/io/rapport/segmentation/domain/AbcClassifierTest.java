package io.rapport.segmentation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AbcClassifierTest {

    static UUID id(int n) {
        return UUID.fromString(String.format("00000000-0000-0000-0000-%012d", n));
    }

    static List<AbcClassifier.Valued> values(long... values) {
        List<AbcClassifier.Valued> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new AbcClassifier.Valued(id(i + 1), BigDecimal.valueOf(values[i])));
        }
        return out;
    }

    static List<String> labels(Map<UUID, String> classes, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(classes.get(id(i)));
        }
        return out;
    }

    @Test
    void workedExampleWithCumulativeShareIsAABBCC() {
        var classes = AbcClassifier.classify(values(500, 300, 100, 50, 30, 20), AbcRules.defaults());
        assertThat(labels(classes, 6)).containsExactly("A", "A", "B", "B", "C", "C");
    }

    @Test
    void workedExampleWithRankPercentileGivesTheTopCustomerAAndTheNextB() {
        var rules = new AbcRules(AbcMetric.REVENUE, null, AbcMethod.RANK_PERCENTILE, null, null).normalised();
        var classes = AbcClassifier.classify(values(500, 300, 100, 50, 30, 20), rules);
        // 6 customers: positions before them 0%, 16.7%, 33.3%, ...: 0 < 5 -> A; 16.7 < 20 -> B; the rest C
        assertThat(labels(classes, 6)).containsExactly("A", "B", "C", "C", "C", "C");
    }

    @Test
    void rankPercentileOnOneHundredCustomersGivesFiveFifteenEighty() {
        long[] v = new long[100];
        for (int i = 0; i < 100; i++) {
            v[i] = 1000 - i;
        }
        var rules = new AbcRules(null, null, AbcMethod.RANK_PERCENTILE, null, null).normalised();
        var classes = AbcClassifier.classify(values(v), rules);
        assertThat(classes.values().stream().filter("A"::equals).count()).isEqualTo(5);
        assertThat(classes.values().stream().filter("B"::equals).count()).isEqualTo(15);
        assertThat(classes.values().stream().filter("C"::equals).count()).isEqualTo(80);
    }

    @Test
    void customerCrossingACutOffStaysInTheClassBefore() {
        // cumulative 70%, 90%, 100%: the second crosses 80 and is still A
        var classes = AbcClassifier.classify(values(70, 20, 10), AbcRules.defaults());
        assertThat(labels(classes, 3)).containsExactly("A", "A", "B");
    }

    @Test
    void tiesAreBrokenByCustomerId() {
        // four equal values given in reverse id order: positions 0, 25, 50, 75% against cut-offs 50/75
        var rules = new AbcRules(null, null, null, List.of(new BigDecimal("50"), new BigDecimal("75")), null).normalised();
        List<AbcClassifier.Valued> tied = new ArrayList<>(values(10, 10, 10, 10));
        java.util.Collections.reverse(tied);
        var classes = AbcClassifier.classify(tied, rules);
        assertThat(labels(classes, 4)).containsExactly("A", "A", "B", "C");
        assertThat(classes.keySet()).containsExactly(id(1), id(2), id(3), id(4));
    }

    @Test
    void customerIdsCompareAsPostgresOrdersUuids() {
        UUID low = UUID.fromString("7fffffff-0000-0000-0000-000000000000");
        UUID high = UUID.fromString("80000000-0000-0000-0000-000000000000");
        // UUID.compareTo is signed and would put "80..." first; PostgreSQL puts "7f..." first
        var classes = AbcClassifier.classify(List.of(new AbcClassifier.Valued(high, BigDecimal.TEN),
                new AbcClassifier.Valued(low, BigDecimal.TEN)), new AbcRules(null, null, null, List.of(BigDecimal.valueOf(50)),
                        List.of("A", "B")).normalised());
        assertThat(classes).containsEntry(low, "A").containsEntry(high, "B");
    }

    @Test
    void zeroAndNegativeValuesAreAlwaysTheLastClass() {
        var rules = new AbcRules(null, null, AbcMethod.RANK_PERCENTILE, List.of(new BigDecimal("50"), new BigDecimal("90")), null)
                .normalised();
        var classes = AbcClassifier.classify(values(0, -5, 0), rules);
        assertThat(labels(classes, 3)).containsExactly("C", "C", "C");
        var mixed = AbcClassifier.classify(values(100, 0, -50), AbcRules.defaults());
        assertThat(labels(mixed, 3)).containsExactly("A", "C", "C");
    }

    @Test
    void twoClassesAndCustomLabels() {
        var rules = new AbcRules(AbcMetric.PROFIT, null, null, List.of(new BigDecimal("80")), List.of("GOLD", "REST"))
                .normalised();
        var classes = AbcClassifier.classify(values(800, 150, 50), rules);
        assertThat(labels(classes, 3)).containsExactly("GOLD", "REST", "REST");
    }
}
