package io.rapport.segmentation.profile;

import static io.rapport.segmentation.TestData.id;
import static io.rapport.segmentation.TestData.thisMonth;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.customer.CustomerMerged;
import io.rapport.platform.persistence.Db;
import io.rapport.segmentation.TestData;
import io.rapport.segmentation.classification.RunService;
import io.rapport.segmentation.classification.RunSummary;
import io.rapport.segmentation.domain.Scheme;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The window totals kept on the profiles (what a run reads) always equal the sums of the month facts inside the
 * stored window, whatever writes value_month (insert, upsert, update, delete, merge, truncate), and follow the window
 * when it moves to a later or an earlier start.
 */
@QuarkusTest
class WindowTotalsIT {
    @Inject
    TestData data;

    @Inject
    Db db;

    @Inject
    WindowTotals totals;

    @Inject
    Windows windows;

    @Inject
    ProfileService profiles;

    @Inject
    RunService runs;

    @BeforeEach
    void reset() {
        data.reset();
    }

    private BigDecimal windowRevenue(UUID id) {
        return db.one("select w_revenue from customer_profile where customer_id = ?", rs -> rs.getBigDecimal(1), id)
                .orElseThrow();
    }

    private void facts() {
        LocalDate now = thisMonth();
        data.customer(id(1), null, false);
        data.month(id(1), now, "100", "60", "5", "10", 2, 0);
        data.month(id(1), now.minusMonths(3), "50", "30", "0", "0", 1, 0);
        data.month(id(1), now.minusMonths(13), "1000", "600", "0", "0", 4, 0); // before a 12-month window
        data.month(id(2), now.minusMonths(13), "700", "400", "0", "0", 1, 0); // no profile yet: the trigger makes one
        data.month(id(3), now.minusMonths(1), "30", "10", "0", "0", 1, 1);
    }

    @Test
    void everyWriteOfTheMonthFactsKeepsTheTotalsRight() {
        assertThat(totals.stored()).isEqualTo(windows.start());
        facts();
        assertThat(windowRevenue(id(1))).isEqualByComparingTo("150");
        assertThat(windowRevenue(id(2))).isEqualByComparingTo("0");
        assertThat(data.windowTotalsWrong()).isZero();

        db.update(
                "update value_month set revenue = revenue + 25, purchases = purchases + 1 where customer_id in (?, ?)",
                id(1),
                id(3));
        assertThat(windowRevenue(id(1))).isEqualByComparingTo("200");
        db.update(
                "insert into value_month (customer_id, month, revenue, cogs, refunds, cost_to_serve, purchases, complaints)"
                        + " values (?, ?, 10, 1, 0, 0, 1, 0), (?, ?, 5, 0, 0, 0, 1, 0) on conflict (customer_id, month) do update"
                        + " set revenue = value_month.revenue + excluded.revenue, purchases = value_month.purchases + excluded.purchases",
                id(3),
                thisMonth().minusMonths(1),
                id(3),
                thisMonth());
        assertThat(windowRevenue(id(3))).isEqualByComparingTo("70");
        db.update(
                "delete from value_month where customer_id = ? and month = ?",
                id(1),
                thisMonth().minusMonths(3));
        assertThat(windowRevenue(id(1))).isEqualByComparingTo("125");
        assertThat(data.windowTotalsWrong()).isZero();

        QuarkusTransaction.requiringNew()
                .run(() -> profiles.merged(
                        List.of(new CustomerMerged(id(1).toString(), id(3).toString(), "test", Instant.now()))));
        assertThat(windowRevenue(id(1))).isEqualByComparingTo("195");
        assertThat(windowRevenue(id(3))).isEqualByComparingTo("0");
        assertThat(data.windowTotalsWrong()).isZero();

        db.update("truncate value_month");
        assertThat(windowRevenue(id(1))).isEqualByComparingTo("0");
        assertThat(data.windowTotalsWrong()).isZero();
    }

    @Test
    void theTotalsFollowTheWindowWhenItMoves() {
        facts();
        LocalDate configured = windows.start();
        totals.moveTo(thisMonth().minusMonths(2)); // a shorter window: months leave
        assertThat(windowRevenue(id(1))).isEqualByComparingTo("100");
        assertThat(data.windowTotalsWrong()).isZero();
        totals.moveTo(LocalDate.of(1970, 1, 1)); // the lifetime: every month joins
        assertThat(windowRevenue(id(1))).isEqualByComparingTo("1150");
        assertThat(windowRevenue(id(2))).isEqualByComparingTo("700");
        assertThat(data.windowTotalsWrong()).isZero();
        data.month(id(2), thisMonth().minusMonths(30), "1", "0", "0", "0", 1, 0); // counted against the stored start
        assertThat(windowRevenue(id(2))).isEqualByComparingTo("701");

        // a run brings the totals back to the configured window before it reads them
        RunSummary run = runs.run(Scheme.ABC, "TEST").orElseThrow();
        assertThat(totals.stored()).isEqualTo(configured);
        assertThat(run.windowStart()).isEqualTo(configured);
        assertThat(windowRevenue(id(1))).isEqualByComparingTo("150");
        assertThat(windowRevenue(id(2))).isEqualByComparingTo("0");
        assertThat(data.windowTotalsWrong()).isZero();
        // the ABC value is net revenue: 150 - 5 refunded (customer 1) + 30 (customer 3)
        assertThat(run.totalValue()).isEqualByComparingTo("175");
    }
}
