package io.rapport.segmentation.profile;

import static io.rapport.segmentation.TestData.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.segmentation.TestClock;
import io.rapport.segmentation.TestData;
import io.rapport.segmentation.reporting.FiguresQuery;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tenure is measured at the service clock's now, not the database's (issue 19: one injected Clock for every rule). */
@QuarkusTest
class TenureClockIT {
    @Inject
    TestClock clock;

    @Inject
    TestData data;

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
    }

    @Test
    void tenureGrowsWhenTheServiceClockMovesOnTwoYears() {
        data.customer(id(1), null, false);
        Instant since = clock.instant().minus(Duration.ofDays(365));
        data.count("update customer_profile set customer_since = ? where customer_id = ? returning 1", since, id(1));
        assertThat(tenure()).isEqualByComparingTo("1.00");

        clock.advance(Duration.ofDays(730)); // 2 years of 365.25 days, less a day and a half

        assertThat(tenure()).isEqualByComparingTo("3.00");
    }

    private BigDecimal tenure() {
        return figures.figures(id(1), FiguresQuery.LIFETIME)
                .orElseThrow()
                .tenureYears()
                .setScale(2, RoundingMode.HALF_UP);
    }
}
