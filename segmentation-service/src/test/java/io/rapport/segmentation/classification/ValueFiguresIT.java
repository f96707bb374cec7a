package io.rapport.segmentation.classification;

import static io.rapport.segmentation.TestData.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.platform.rest.PageRequest;
import io.rapport.segmentation.TestData;
import io.rapport.segmentation.domain.AbcMetric;
import io.rapport.segmentation.domain.AbcRules;
import io.rapport.segmentation.domain.CustomerFigures;
import io.rapport.segmentation.domain.Scheme;
import io.rapport.segmentation.profile.Windows;
import io.rapport.segmentation.reporting.FiguresQuery;
import io.rapport.segmentation.reporting.SegmentQueries;
import io.rapport.segmentation.reporting.WorksheetQuery;
import io.rapport.segmentation.reporting.WorksheetRow;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The value figures (net revenue, gross margin, profit, share of wallet, potential) come from one place,
 * R__value_figures.sql, and every reader shows the same: the ranking of a run by profit, the worksheet, the value
 * profile, the explanation of a class, the reclassification between runs and its SegmentChanged event (built like a
 * run's). Bought 1000 at a cost of goods of 600, refunded 50, cost-to-serve 80, wallet 4000: net revenue 950, gross
 * margin 350, profit 270, share of wallet 0.2375, potential 3050.
 */
@QuarkusTest
class ValueFiguresIT {
    private static final UUID FIRST = id(1);
    private static final UUID SECOND = id(2);

    @Inject
    TestData data;

    @Inject
    RunService runs;

    @Inject
    PolicyStore policies;

    @Inject
    FiguresQuery figures;

    @Inject
    WorksheetQuery worksheet;

    @Inject
    SegmentQueries segments;

    @Inject
    Explainer explainer;

    @Inject
    Reclassifier reclassifier;

    @Inject
    Windows windows;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void reset() {
        data.reset();
        data.customer(FIRST, new BigDecimal("4000"), false);
        data.month(FIRST, TestData.thisMonth(), "1000", "600", "50", "80", 4, 0);
        // more net revenue than FIRST's profit but less than its net revenue: profit 400 ranks above 270
        data.customer(SECOND, null, false);
        data.month(SECOND, TestData.thisMonth(), "500", "100", "0", "0", 1, 0);
    }

    @Test
    void theValueProfileShowsTheFormulas() {
        CustomerFigures f = figures.figures(FIRST, windows.start()).orElseThrow();
        assertThat(f.netRevenue()).isEqualByComparingTo("950");
        assertThat(f.grossMargin()).isEqualByComparingTo("350");
        assertThat(f.profit()).isEqualByComparingTo("270");
        assertThat(f.shareOfWallet()).isEqualByComparingTo("0.2375");
        assertThat(f.potential()).isEqualByComparingTo("3050");
        CustomerFigures second = figures.figures(SECOND, windows.start()).orElseThrow();
        assertThat(second.shareOfWallet()).isNull();
        assertThat(second.potential()).isNull();
    }

    @Test
    void theFormulasAreInlinedIntoTheStatementsThatCallThem() {
        // the planner replaces each call by its expression: no function call per row in a run over every customer
        String plan = String.join(
                "\n",
                data.lines("explain (verbose, costs off) select profit(w_revenue, w_cogs, w_refunds,"
                        + " w_cost_to_serve), share_of_wallet(w_revenue, w_refunds, wallet), potential(wallet, w_revenue, w_refunds)"
                        + " from customer_profile"));
        assertThat(plan)
                .contains("w_cost_to_serve")
                .doesNotContain("profit(")
                .doesNotContain("gross_margin(")
                .doesNotContain("net_revenue(")
                .doesNotContain("share_of_wallet(")
                .doesNotContain("potential(");
    }

    @Test
    void abcByProfitTheWorksheetAndTheExplanationAgreeOnProfit() {
        policies.create(
                Scheme.ABC,
                new AbcRules(AbcMetric.PROFIT, null, null, List.of(new BigDecimal("50")), List.of("TOP", "REST")),
                null,
                null,
                "test");
        runs.run(Scheme.ABC, "TEST").orElseThrow();
        SoftAssertions soft = new SoftAssertions();
        // by profit 400 (SECOND) then 270 (FIRST): positions 0% and 59.7% against 50 -> TOP, REST (by net revenue it
        // would be the other way round)
        soft.assertThat(data.classOf(SECOND, "ABC")).isEqualTo("TOP");
        soft.assertThat(data.classOf(FIRST, "ABC")).isEqualTo("REST");
        runs.run(Scheme.VALUE, "TEST").orElseThrow();

        PageRequest page = PageRequest.of(0, 10, "profit,desc");
        var rows = worksheet
                .list("true", List.of(), page.validate(WorksheetQuery.SORTABLE.keySet(), "profit,desc"), page)
                .items();
        soft.assertThat(rows).extracting(WorksheetRow::customerId).containsExactly(SECOND, FIRST);
        WorksheetRow row = rows.get(1);
        soft.assertThat(row.netRevenue()).isEqualTo("950.00");
        soft.assertThat(row.grossMargin()).isEqualTo("350.00");
        soft.assertThat(row.profit()).isEqualTo("270.00");
        soft.assertThat(row.shareOfWallet()).isEqualTo("0.2375");
        soft.assertThat(row.potential()).isEqualTo("3050.00");

        CustomerFigures f = figures.figures(FIRST, windows.start()).orElseThrow();
        Map<String, Explanation> explained = new java.util.HashMap<>();
        segments.classes(FIRST).forEach(c -> explained.put(c.scheme(), explainer.explain(FIRST, c, f)));
        soft.assertThat(explained.get("ABC").figures()).containsEntry("profit", "270.00");
        soft.assertThat(explained.get("VALUE").figures())
                .containsEntry("profit", "270.00")
                .containsEntry("potential", "3050.00");
        soft.assertAll();
    }

    @Test
    void reclassificationBetweenRunsPublishesTheSameEventShapeAsARun() throws Exception {
        runs.run(Scheme.VALUE, "TEST").orElseThrow();
        data.awaitRunEvents();
        JsonNode byRun = event(FIRST);
        // a cost of 300 more: profit 270 - 300 = -30, below zero
        QuarkusTransaction.requiringNew().run(() -> {
            data.month(FIRST, TestData.thisMonth().minusMonths(1), "0", "0", "0", "300", 0, 0);
            reclassifier.reclassify(Set.of(FIRST));
        });
        assertThat(data.classOf(FIRST, "VALUE")).isEqualTo("BZ");
        JsonNode byEvent = event(FIRST);
        assertThat(byEvent.get("toClass").asText()).isEqualTo("BZ");
        assertThat(byEvent.get("runId").isNull()).isTrue();
        assertThat(new BigDecimal(byEvent.get("figures").get("profit").asText()))
                .isEqualByComparingTo("-30");
        assertThat(new BigDecimal(byEvent.get("figures").get("potential").asText()))
                .isEqualByComparingTo("3050");
        assertThat(names(byEvent)).isEqualTo(names(byRun));
        assertThat(names(byEvent.get("figures"))).isEqualTo(names(byRun.get("figures")));
        assertThat(byEvent.get("recommendedLevel").asText()).isNotBlank();
    }

    private JsonNode event(UUID customer) throws Exception {
        String payload = data.text(
                "select payload::text from rapport_outbox where subject = ? and type = "
                        + "'rapport.segmentation.segment-changed.v1' order by sequence desc limit 1",
                customer.toString());
        return json.readTree(payload);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.sort(String::compareTo);
        return names;
    }
}
