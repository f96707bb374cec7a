package io.rapport.segmentation.reporting;

import static io.rapport.segmentation.TestData.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.segmentation.TestData;
import io.rapport.segmentation.classification.RunService;
import io.rapport.segmentation.domain.Scheme;
import io.rapport.segmentation.profile.WindowTotals;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worksheet answers the same from the kept window totals (page first, then its rows' month facts) as from the
 * month facts of everyone: same rows, same figures, same order, same totals, on every page.
 */
@QuarkusTest
class WorksheetQueryIT {
    @Inject
    TestData data;

    @Inject
    WorksheetQuery worksheet;

    @Inject
    WindowTotals totals;

    @Inject
    RunService runs;

    @BeforeEach
    void reset() {
        data.reset();
    }

    private record Query(String filter, List<Object> params, String sort) {}

    private List<Page<WorksheetRow>> pages(Query q) {
        List<Page<WorksheetRow>> out = new ArrayList<>();
        for (int page = 0; page < 5; page++) {
            PageRequest request = PageRequest.of(page, 7, q.sort());
            out.add(worksheet.list(
                    q.filter(), q.params(), request.validate(WorksheetQuery.SORTABLE.keySet(), q.sort()), request));
        }
        return out;
    }

    @Test
    void theKeptTotalsGiveTheSamePagesAsTheMonthFacts() {
        Random random = new Random(7);
        LocalDate now = TestData.thisMonth();
        for (int i = 1; i <= 30; i++) {
            data.customer(id(i), i % 3 == 0 ? null : BigDecimal.valueOf(100L * random.nextInt(100)), i % 4 == 0);
            for (int m = 0; m < 3; m++) {
                if (random.nextBoolean()) {
                    long revenue = 10L * random.nextInt(50);
                    data.month(
                            id(i),
                            now.minusMonths(m * 7L),
                            Long.toString(revenue),
                            Long.toString(revenue / 2),
                            Long.toString(random.nextInt(3)),
                            Long.toString(10L * random.nextInt(4)),
                            1 + random.nextInt(3),
                            random.nextInt(3));
                }
            }
            if (random.nextBoolean()) {
                data.category(id(i), "CAT-" + random.nextInt(4));
            }
        }
        runs.runAll(List.of(Scheme.values()), "TEST");
        List<Query> queries = List.of(
                new Query("abc_class = ?", List.of("A"), "revenue,desc"),
                new Query("abc_class = ?", List.of("C"), "customerId,asc"),
                new Query("(cost_to_serve > 0 or profit < 0)", List.of(), "costToServe,desc"),
                new Query("profit < 0", List.of(), "profit,asc"),
                new Query("target", List.of(), "wallet,desc"),
                new Query(
                        "wallet >= ? and share_of_wallet <= ? and categories <= ?",
                        List.of(BigDecimal.ZERO, new BigDecimal("0.5"), 2L),
                        "potential,desc"),
                new Query("true", List.of(), "shareOfWallet,asc"),
                new Query("true", List.of(), "categories,desc"),
                new Query("complaints >= ?", List.of(1L), "complaints,desc"),
                new Query("true", List.of(), "complaints,asc"));
        List<List<Page<WorksheetRow>>> kept = queries.stream().map(this::pages).toList();
        assertThat(kept.get(0).get(0).items()).isNotEmpty();
        assertThat(kept.get(7).get(0).total()).isEqualTo(30);
        assertThat(kept.get(8).get(0).items()).isNotEmpty();

        totals.moveTo(
                LocalDate.of(1970, 1, 1)); // the kept totals no longer cover the window: every list sums the facts
        List<List<Page<WorksheetRow>>> summed =
                queries.stream().map(this::pages).toList();
        assertThat(kept)
                .usingRecursiveComparison()
                .withComparatorForType(Comparator.nullsFirst(BigDecimal::compareTo), BigDecimal.class)
                .isEqualTo(summed);
    }
}
