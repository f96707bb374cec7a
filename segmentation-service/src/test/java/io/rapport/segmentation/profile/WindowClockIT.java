package io.rapport.segmentation.profile;

import static io.rapport.segmentation.TestData.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.segmentation.TestClock;
import io.rapport.segmentation.TestData;
import io.rapport.segmentation.reporting.FiguresQuery;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The trailing window follows the service clock: the tests move it into the next month instead of waiting. */
@QuarkusTest
class WindowClockIT {
    @Inject
    TestClock clock;

    @Inject
    TestData data;

    @Inject
    Windows windows;

    @Inject
    WindowTotals totals;

    @Inject
    FiguresQuery figures;

    @BeforeEach
    void reset() {
        clock.reset();
        data.reset();
    }

    @AfterEach
    void back() {
        clock.reset();
        totals.current();
    }

    @Test
    void theOldestMonthLeavesTheWindowWhenTheServiceClockPassesIntoTheNextMonth() {
        LocalDate oldest = windows.start();
        data.customer(id(1), null, false);
        data.month(id(1), oldest, "100", "0", "0", "0", 1, 0);
        data.month(id(1), TestData.thisMonth(), "50", "0", "0", "0", 1, 0);
        assertThat(figures.figures(id(1), windows.start()).orElseThrow().revenue())
                .isEqualByComparingTo("150");
        assertThat(data.count("select w_revenue from customer_profile where customer_id = ?", id(1)))
                .isEqualTo(150);

        Instant now = clock.instant();
        Instant nextMonth = TestData.thisMonth()
                .plusMonths(1)
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC)
                .plusSeconds(3600);
        clock.advance(Duration.between(now, nextMonth));

        assertThat(windows.start()).isEqualTo(oldest.plusMonths(1));
        assertThat(totals.current()).isEqualTo(oldest.plusMonths(1));
        assertThat(data.count("select w_revenue from customer_profile where customer_id = ?", id(1)))
                .isEqualTo(50);
        assertThat(figures.figures(id(1), windows.start()).orElseThrow().revenue())
                .isEqualByComparingTo("50");
        assertThat(data.windowTotalsWrong()).isZero();
    }
}
