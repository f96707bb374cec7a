package io.rapport.segmentation.classification;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.segmentation.ExpectedClasses;
import io.rapport.segmentation.ExpectedClasses.Candidate;
import io.rapport.segmentation.ExpectedClasses.Valued;
import io.rapport.segmentation.TestData;
import io.rapport.segmentation.domain.AbcMethod;
import io.rapport.segmentation.domain.AbcMetric;
import io.rapport.segmentation.domain.AbcRules;
import io.rapport.segmentation.domain.Scheme;
import io.rapport.segmentation.domain.ValueRules;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The production SQL of a run (the one implementation of ABC and MVC/MGC/BZ) on a real PostgreSQL, on generated
 * customers with many ties, zero values and refunds that make values negative, against the classes computed in the test
 * from the same generated figures (sort, cumulative share, cut-offs: ExpectedClasses).
 */
@QuarkusTest
class ClassificationOnGeneratedDataIT {
    private static final BigDecimal TEN = BigDecimal.TEN;

    @Inject
    TestData data;

    @Inject
    RunService runs;

    @Inject
    PolicyStore policies;

    @BeforeEach
    void reset() {
        data.reset();
    }

    /** One generated customer's month facts; net revenue and profit as the test computes them. */
    private record Generated(
            UUID id,
            BigDecimal wallet,
            BigDecimal revenue,
            BigDecimal cogs,
            BigDecimal refunds,
            BigDecimal costToServe) {
        BigDecimal net() {
            return revenue.subtract(refunds);
        }

        BigDecimal profit() {
            return revenue.subtract(refunds).subtract(cogs).subtract(costToServe);
        }
    }

    /** Values in steps of 10 (many ties), some customers with nothing, refunds above what was bought, costs above margin. */
    private List<Generated> generate(int n, long seed) {
        Random random = new Random(seed);
        List<Generated> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BigDecimal revenue = TEN.multiply(BigDecimal.valueOf(random.nextInt(5) == 0 ? 0 : random.nextInt(40)));
            BigDecimal refunds =
                    random.nextInt(5) == 0 ? TEN.multiply(BigDecimal.valueOf(random.nextInt(45))) : BigDecimal.ZERO;
            BigDecimal cogs = TEN.multiply(BigDecimal.valueOf(random.nextInt(15)));
            BigDecimal cost =
                    random.nextInt(3) == 0 ? TEN.multiply(BigDecimal.valueOf(random.nextInt(20))) : BigDecimal.ZERO;
            BigDecimal wallet = random.nextInt(3) == 0 ? null : TEN.multiply(BigDecimal.valueOf(random.nextInt(80)));
            all.add(new Generated(UUID.randomUUID(), wallet, revenue, cogs, refunds, cost));
        }
        data.customers(
                all.stream().map(Generated::id).toList(),
                all.stream().map(Generated::wallet).toList(),
                all.stream().map(Generated::revenue).toList(),
                all.stream().map(Generated::cogs).toList(),
                all.stream().map(Generated::refunds).toList(),
                all.stream().map(Generated::costToServe).toList());
        return all;
    }

    @Test
    void abcByNetRevenueAndByProfitMatchesTheRuleForBothMethodsWithTiesZeroAndNegativeValues() {
        List<Generated> customers = generate(1500, 7);
        assertThat(customers)
                .anyMatch(c -> c.net().signum() < 0)
                .anyMatch(c -> c.net().signum() == 0)
                .anyMatch(c -> c.profit().signum() < 0);
        List<List<BigDecimal>> cutoffSets = List.of(
                List.of(new BigDecimal("80"), new BigDecimal("95")),
                List.of(new BigDecimal("10"), new BigDecimal("33.3"), new BigDecimal("70")));
        List<List<String>> labelSets = List.of(List.of("A", "B", "C"), List.of("P", "Q", "R", "S"));
        for (AbcMetric metric : List.of(AbcMetric.REVENUE, AbcMetric.PROFIT)) {
            List<Valued> values = customers.stream()
                    .map(c -> new Valued(c.id(), metric == AbcMetric.REVENUE ? c.net() : c.profit()))
                    .toList();
            for (AbcMethod method : AbcMethod.values()) {
                for (int set = 0; set < cutoffSets.size(); set++) {
                    AbcRules rules = new AbcRules(metric, null, method, cutoffSets.get(set), labelSets.get(set));
                    policies.create(Scheme.ABC, rules, null, null, "test");
                    RunSummary run = runs.run(Scheme.ABC, "TEST").orElseThrow();
                    Map<UUID, String> expected = ExpectedClasses.abc(
                            values, method == AbcMethod.CUMULATIVE_SHARE, cutoffSets.get(set), labelSets.get(set));
                    assertThat(data.classes("ABC"))
                            .as("%s %s %s", metric, method, cutoffSets.get(set))
                            .isEqualTo(expected);
                    assertThat(run.customers()).isEqualTo(customers.size());
                    BigDecimal positive = values.stream()
                            .map(Valued::value)
                            .filter(v -> v.signum() > 0)
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    assertThat(run.totalValue()).isEqualByComparingTo(positive);
                }
            }
        }
    }

    @Test
    void aTieOnACutOffIsSplitByCustomerIdAsPostgresOrdersUuidsAndTheCustomerReachingItMovesOn() {
        // 40, 40, 20 of 100 with cut-offs 40/80: positions 0, 40, 80 -> A, B, C; the tie is split by id, and
        // 7fff... comes before 8000... in PostgreSQL (Java's signed UUID.compareTo would say the opposite)
        UUID low = UUID.fromString("7fffffff-0000-0000-0000-000000000000");
        UUID high = UUID.fromString("80000000-0000-0000-0000-000000000000");
        UUID third = UUID.fromString("00000000-0000-0000-0000-000000000009");
        UUID zero = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID refunded = UUID.fromString("00000000-0000-0000-0000-000000000002");
        data.customers(
                List.of(high, low, third, zero, refunded),
                java.util.Arrays.asList(null, null, null, null, null),
                List.of(
                        new BigDecimal("40"),
                        new BigDecimal("40"),
                        new BigDecimal("20"),
                        BigDecimal.ZERO,
                        new BigDecimal("30")),
                List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO),
                List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("50")),
                List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
        List<BigDecimal> cutoffs = List.of(new BigDecimal("40"), new BigDecimal("80"));
        policies.create(
                Scheme.ABC,
                new AbcRules(AbcMetric.REVENUE, null, AbcMethod.CUMULATIVE_SHARE, cutoffs, null),
                null,
                null,
                "test");
        runs.run(Scheme.ABC, "TEST").orElseThrow();
        Map<UUID, String> stored = data.classes("ABC");
        assertThat(stored)
                .containsEntry(low, "A")
                .containsEntry(high, "B")
                .containsEntry(third, "C")
                .containsEntry(zero, "C")
                .containsEntry(refunded, "C");
        assertThat(stored)
                .isEqualTo(ExpectedClasses.abc(
                        List.of(
                                new Valued(high, new BigDecimal("40")),
                                new Valued(low, new BigDecimal("40")),
                                new Valued(third, new BigDecimal("20")),
                                new Valued(zero, BigDecimal.ZERO),
                                new Valued(refunded, new BigDecimal("-20"))),
                        true,
                        cutoffs,
                        List.of("A", "B", "C")));
    }

    @Test
    void mvcMgcBzMatchTheRuleWithZeroProfitUnknownWalletsAndRefunds() {
        List<Generated> customers = generate(1200, 11);
        List<Candidate> candidates = customers.stream()
                .map(c -> new Candidate(c.id(), c.profit(), c.net(), c.wallet()))
                .toList();
        assertThat(candidates)
                .anyMatch(c -> c.profit().signum() == 0)
                .anyMatch(c -> c.profit().signum() < 0);
        for (String[] percents : new String[][] {{"20", "20"}, {"33.3", "12.5"}, {"7", "50"}}) {
            ValueRules rules = new ValueRules(new BigDecimal(percents[0]), new BigDecimal(percents[1]));
            policies.create(Scheme.VALUE, null, rules, null, "test");
            RunSummary run = runs.run(Scheme.VALUE, "TEST").orElseThrow();
            Map<UUID, String> expected =
                    ExpectedClasses.value(candidates, rules.mvcTopPercent(), rules.mgcTopPercent());
            assertThat(expected).containsValues("MVC", "MGC", "BZ", "OTHER");
            assertThat(data.classes("VALUE"))
                    .as("%s/%s", percents[0], percents[1])
                    .isEqualTo(expected);
            assertThat(run.customers()).isEqualTo(customers.size());
        }
    }
}
