package io.rapport.segmentation.classification;

import static io.rapport.segmentation.TestData.id;
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
import io.rapport.segmentation.domain.ScoreWeight;
import io.rapport.segmentation.domain.ValueRules;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The set-based SQL of a run (ClassificationSql, the only implementation of ABC and MVC/MGC/BZ) on a real PostgreSQL,
 * against the classes the rules give, computed independently in the test (ExpectedClasses).
 */
@QuarkusTest
class SqlClassificationIT {
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

    private List<Valued> load(long... revenues) {
        List<Valued> out = new ArrayList<>();
        for (int i = 0; i < revenues.length; i++) {
            data.revenue(id(i + 1), BigDecimal.valueOf(revenues[i]));
            out.add(new Valued(id(i + 1), BigDecimal.valueOf(revenues[i])));
        }
        return out;
    }

    private List<String> classes(String scheme, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(data.classOf(id(i), scheme));
        }
        return out;
    }

    private Map<UUID, String> stored(String scheme, List<UUID> ids) {
        Map<UUID, String> out = new HashMap<>();
        ids.forEach(i -> out.put(i, data.classOf(i, scheme)));
        return out;
    }

    private static Map<UUID, String> expected(List<Valued> customers, AbcRules rules) {
        return ExpectedClasses.abc(
                customers, rules.method() == AbcMethod.CUMULATIVE_SHARE, rules.cutoffs(), rules.labels());
    }

    private static Candidate c(int id, long profit, long netRevenue, Integer wallet) {
        return new Candidate(
                id(id),
                BigDecimal.valueOf(profit),
                BigDecimal.valueOf(netRevenue),
                wallet == null ? null : BigDecimal.valueOf(wallet.longValue()));
    }

    /** Ten customers: two lose money, eight are profitable, some with wallets. */
    private static List<Candidate> handMade() {
        return List.of(
                c(1, 900, 3000, null), // best profit -> MVC
                c(2, 700, 2500, 2600), // second -> MVC (top 20% of 8 profitable = 2 by the crossing rule)
                c(3, 500, 2000, 2100), // potential 100
                c(4, 300, 1000, 9000), // potential 8000 -> MGC
                c(5, 200, 800, 5000), // potential 4200
                c(6, 100, 500, null),
                c(7, 50, 400, 300), // wallet below revenue: no potential
                c(8, 10, 100, 1000), // potential 900
                c(9, -40, 300, 100000), // loses money -> BZ despite the wallet
                c(10, -1, 50, null)); // BZ
    }

    @Test
    void workedExampleCumulativeShare() {
        load(500, 300, 100, 50, 30, 20);
        RunSummary run = runs.run(Scheme.ABC, "TEST").orElseThrow();
        assertThat(classes("ABC", 6)).containsExactly("A", "A", "B", "B", "C", "C");
        assertThat(run.counts()).containsEntry("A", 2L).containsEntry("B", 2L).containsEntry("C", 2L);
        assertThat(run.totalValue()).isEqualByComparingTo("1000");
        // top 20% of 6 customers = the first 2 (ceil 1.2) = 800 of 1000
        assertThat(run.concentration()).isEqualByComparingTo("0.8");
        assertThat(run.pareto()).hasSize(100);
        assertThat(run.pareto().get(99)).isEqualByComparingTo("1");
        assertThat(run.classes())
                .filteredOn(c -> c.label().equals("A"))
                .singleElement()
                .satisfies(c -> assertThat(c.minimumValue()).isEqualByComparingTo("300"));
    }

    @Test
    void workedExampleRankPercentile() {
        policies.create(
                Scheme.ABC,
                new AbcRules(AbcMetric.REVENUE, null, AbcMethod.RANK_PERCENTILE, null, null),
                null,
                null,
                "test");
        var customers = load(500, 300, 100, 50, 30, 20);
        runs.run(Scheme.ABC, "TEST").orElseThrow();
        assertThat(classes("ABC", 6)).containsExactly("A", "B", "C", "C", "C", "C");
        assertThat(stored("ABC", customers.stream().map(Valued::id).toList()))
                .isEqualTo(expected(customers, policies.active(Scheme.ABC).abc()));
    }

    @Test
    void tiesZeroAndNegativeAgreeWithTheDomainRules() {
        AbcRules rules = new AbcRules(
                AbcMetric.REVENUE,
                null,
                AbcMethod.CUMULATIVE_SHARE,
                List.of(new BigDecimal("50"), new BigDecimal("75")),
                null);
        policies.create(Scheme.ABC, rules, null, null, "test");
        var customers = load(10, 10, 10, 10, 0, -5);
        runs.run(Scheme.ABC, "TEST").orElseThrow();
        assertThat(classes("ABC", 6)).containsExactly("A", "A", "B", "C", "C", "C");
        assertThat(stored("ABC", customers.stream().map(Valued::id).toList()))
                .isEqualTo(expected(customers, rules.normalised()));
    }

    @Test
    void randomSetsWithTiesAgreeForBothMethodsAndFourClasses() {
        Random random = new Random(42);
        List<Valued> customers = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            UUID id = UUID.randomUUID();
            BigDecimal revenue = BigDecimal.valueOf(random.nextInt(60) - 10L).multiply(BigDecimal.TEN);
            data.revenue(id, revenue);
            customers.add(new Valued(id, revenue));
        }
        List<UUID> ids = customers.stream().map(Valued::id).toList();
        for (AbcMethod method : AbcMethod.values()) {
            AbcRules rules = new AbcRules(
                    AbcMetric.REVENUE,
                    null,
                    method,
                    List.of(new BigDecimal("10"), new BigDecimal("33.3"), new BigDecimal("70")),
                    List.of("P", "Q", "R", "S"));
            policies.create(Scheme.ABC, rules, null, null, "test");
            runs.run(Scheme.ABC, "TEST").orElseThrow();
            assertThat(stored("ABC", ids)).as(method.name()).isEqualTo(expected(customers, rules.normalised()));
        }
    }

    @Test
    void scoreMetricRanksLikeTheDomainFigures() {
        AbcRules rules = new AbcRules(
                AbcMetric.SCORE,
                Map.of(ScoreWeight.REVENUE, new BigDecimal("0.7"), ScoreWeight.VOLUME, new BigDecimal("0.3")),
                null,
                null,
                null);
        policies.create(Scheme.ABC, rules, null, null, "test");
        // revenue/max * 0.7 + purchases/max * 0.3
        data.customer(id(1), null, false);
        data.month(id(1), TestData.thisMonth(), "1000", "0", "0", "0", 1, 0);
        data.customer(id(2), null, false);
        data.month(id(2), TestData.thisMonth(), "100", "0", "0", "0", 10, 0);
        data.customer(id(3), null, false);
        data.month(id(3), TestData.thisMonth(), "10", "0", "0", "0", 1, 0);
        RunSummary run = runs.run(Scheme.ABC, "TEST").orElseThrow();
        // scores 0.73, 0.37, 0.037: total 1.137; positions 0, 64.2%, 96.8% -> A, A, C
        assertThat(classes("ABC", 3)).containsExactly("A", "A", "C");
        assertThat(run.maxima())
                .containsEntry("REVENUE", new BigDecimal("1000"))
                .containsKey("VOLUME");
    }

    @Test
    void randomValueSetsWithTiesAndOtherPercentsAgreeWithTheDomainRules() {
        Random random = new Random(42);
        for (int round = 0; round < 3; round++) {
            data.reset();
            ValueRules rules = new ValueRules(
                    new BigDecimal(List.of("20", "33.3", "7").get(round)),
                    new BigDecimal(List.of("20", "12.5", "50").get(round)));
            policies.create(Scheme.VALUE, null, rules, null, "test");
            List<Candidate> set = new ArrayList<>();
            for (int i = 1; i <= 150 + 37 * round; i++) {
                long revenue = 10L * random.nextInt(60); // many ties, some zero
                long profit = revenue - 10L * random.nextInt(25); // some below zero
                BigDecimal wallet =
                        random.nextInt(3) == 0 ? null : BigDecimal.valueOf(revenue + 10L * random.nextInt(80) - 100);
                set.add(new Candidate(id(i), BigDecimal.valueOf(profit), BigDecimal.valueOf(revenue), wallet));
                data.customer(id(i), wallet, false);
                data.month(
                        id(i),
                        TestData.thisMonth(),
                        Long.toString(revenue),
                        Long.toString(revenue - profit),
                        "0",
                        "0",
                        1,
                        0);
            }
            RunSummary run = runs.run(Scheme.VALUE, "TEST").orElseThrow();
            Map<UUID, String> expected = ExpectedClasses.value(set, rules.mvcTopPercent(), rules.mgcTopPercent());
            assertThat(stored("VALUE", set.stream().map(Candidate::id).toList()))
                    .isEqualTo(expected);
            assertThat(run.customers()).isEqualTo(set.size());
            assertThat(run.pareto()).hasSize(100);
        }
    }

    @Test
    void mvcMgcBzOnTheHandMadeSetAgreeWithTheDomainRules() {
        List<Candidate> set = handMade();
        for (Candidate c : set) {
            data.customer(c.id(), c.wallet(), false);
            data.month(
                    c.id(),
                    TestData.thisMonth(),
                    c.netRevenue().toPlainString(),
                    c.netRevenue().subtract(c.profit()).toPlainString(),
                    "0",
                    "0",
                    1,
                    0);
        }
        RunSummary run = runs.run(Scheme.VALUE, "TEST").orElseThrow();
        Map<UUID, String> expected = ExpectedClasses.value(set, BigDecimal.valueOf(20), BigDecimal.valueOf(20));
        assertThat(stored("VALUE", set.stream().map(Candidate::id).toList())).isEqualTo(expected);
        assertThat(expected).containsValues("MVC", "MGC", "BZ", "OTHER");
        assertThat(run.counts())
                .containsEntry("MVC", 2L)
                .containsEntry("MGC", 1L)
                .containsEntry("BZ", 2L)
                .containsEntry("OTHER", 5L);
        assertThat(RunStore.valueThresholds(run).mvcMinimumProfit()).isEqualByComparingTo("700");
        assertThat(RunStore.valueThresholds(run).mgcMinimumPotential()).isEqualByComparingTo("8000");
    }

    @Test
    void aSecondRunOnTheSameFactsChangesNothing() {
        load(500, 300, 100, 50, 30, 20);
        RunSummary first = runs.run(Scheme.ABC, "TEST").orElseThrow();
        data.awaitRunEvents();
        long events = data.count(
                "select count(*) from rapport_outbox where type = 'rapport.segmentation.segment-changed.v1'");
        RunSummary second = runs.run(Scheme.ABC, "TEST").orElseThrow();
        data.awaitRunEvents();
        assertThat(first.changed()).isEqualTo(6);
        assertThat(second.changed()).isZero();
        assertThat(events).isEqualTo(6);
        assertThat(data.count(
                        "select count(*) from rapport_outbox where type = 'rapport.segmentation.segment-changed.v1'"))
                .isEqualTo(6);
        assertThat(data.count(
                        "select count(*) from rapport_outbox where type = 'rapport.segmentation.run-completed.v1'"))
                .isEqualTo(2);
    }

    @Test
    void mergedAndErasedCustomersAreNotClassified() {
        load(500, 300, 100);
        data.markErased(id(1));
        RunSummary run = runs.run(Scheme.ABC, "TEST").orElseThrow();
        assertThat(run.customers()).isEqualTo(2);
        assertThat(data.classOf(id(1), "ABC")).isNull();
    }

    @Test
    void aWholeOrderRefundedCountsNoRevenueInAbcAndLeavesTheWholeWalletAsPotential() {
        long[] bought = {500, 300, 100, 50, 30, 20};
        List<Valued> net = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < bought.length; i++) {
            // customer 2 bought 300 (cost 180) and got all of it back: the returned goods' cost comes off too
            boolean refunded = i == 1;
            String revenue = Long.toString(bought[i]);
            data.customer(id(i + 1), refunded ? new BigDecimal("1000") : null, false);
            data.month(
                    id(i + 1),
                    TestData.thisMonth(),
                    revenue,
                    refunded ? "0" : "0",
                    refunded ? revenue : "0",
                    "0",
                    1,
                    0);
            BigDecimal value = refunded ? BigDecimal.ZERO : BigDecimal.valueOf(bought[i]);
            net.add(new Valued(id(i + 1), value));
            candidates.add(new Candidate(id(i + 1), value, value, refunded ? new BigDecimal("1000") : null));
        }
        RunSummary abc = runs.run(Scheme.ABC, "TEST").orElseThrow();
        // net 500, 0, 100, 50, 30, 20 (total 700): positions 0, -, 71.4%, 85.7%, 92.9%, 97.1% -> A, C, A, B, B, C
        assertThat(classes("ABC", 6)).containsExactly("A", "C", "A", "B", "B", "C");
        assertThat(stored("ABC", net.stream().map(Valued::id).toList())).isEqualTo(expected(net, AbcRules.defaults()));
        assertThat(abc.totalValue()).isEqualByComparingTo("700");
        assertThat(abc.classes().stream().map(ClassStat::revenue).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("700");

        runs.run(Scheme.VALUE, "TEST").orElseThrow();
        assertThat(stored("VALUE", candidates.stream().map(Candidate::id).toList()))
                .isEqualTo(ExpectedClasses.value(candidates, BigDecimal.valueOf(20), BigDecimal.valueOf(20)));
        assertThat(data.count(
                        "select count(*) from segment_change where customer_id = ? and scheme = 'VALUE' and potential = 1000",
                        id(2)))
                .isEqualTo(1);
    }
}
