package io.rapport.segmentation.service;

import io.rapport.segmentation.config.SegmentationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The trailing window: the current calendar month (UTC) and the {@code windowMonths - 1} months before it.
 * Facts are kept per month, so a window is a range of months.
 */
@ApplicationScoped
public class Windows {
    private final SegmentationConfig config;

    public Windows(SegmentationConfig config) {
        this.config = config;
    }

    /** First day of the first month of the configured window. */
    public LocalDate start() {
        return monthsBack(config.windowMonths());
    }

    /** First day of the first month of a trailing window of {@code months} months. */
    public static LocalDate monthsBack(int months) {
        return YearMonth.now(ZoneOffset.UTC).minusMonths(Math.max(1, months) - 1L).atDay(1);
    }
}
