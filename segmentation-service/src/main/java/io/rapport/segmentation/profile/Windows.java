package io.rapport.segmentation.profile;

import io.rapport.segmentation.config.SegmentationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The trailing window: the current calendar month (UTC) and the {@code windowMonths - 1} months before it.
 * Facts are kept per month, so a window is a range of months.
 */
@ApplicationScoped
public class Windows {
    private final SegmentationConfig config;
    private final Clock clock;

    public Windows(SegmentationConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** First day of the first month of the configured window. */
    public LocalDate start() {
        return monthsBack(config.windowMonths());
    }

    /** First day of the first month of a trailing window of {@code months} months. */
    public LocalDate monthsBack(int months) {
        return YearMonth.now(clock.withZone(java.time.ZoneOffset.UTC))
                .minusMonths(Math.max(1, months) - 1L)
                .atDay(1);
    }
}
