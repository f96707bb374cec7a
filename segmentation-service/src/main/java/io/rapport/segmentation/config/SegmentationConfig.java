package io.rapport.segmentation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** Tuning of segmentation-service; every key can be set by environment (e.g. RAPPORT_SEGMENTATION_WINDOW_MONTHS). */
@ConfigMapping(prefix = "rapport.segmentation")
public interface SegmentationConfig {

    /** Length of the trailing window in calendar months, the current month included. */
    @WithDefault("12")
    int windowMonths();

    /** The currency all figures are kept in (no conversion: purchases are assumed in it). */
    @WithDefault("EUR")
    String currency();

    /** Cron of the scheduled full recompute of every scheme (one replica runs it: advisory lock). */
    @WithDefault("0 30 2 * * ?")
    String schedule();

    /** PostgreSQL work_mem for the statements of a run (ranking 1,000,000 customers sorts in memory with 256MB). */
    @WithDefault("256MB")
    String runWorkMem();

    /**
     * SegmentChanged events written per transaction when a run's events are written to the outbox after the run
     * (see RunEvents).
     */
    @WithDefault("20000")
    int runEventsChunk();

    /** Default minimum complaints in 12 months for the repeat-complainers worksheet. */
    @WithDefault("2")
    int repeatComplaints();

    /**
     * Co-purchase recommendations: a rule (bought X, buys Y) is shown only when at least this many distinct customers
     * bought both, so no recommendation rests on or reveals the purchases of fewer customers (at least 2).
     */
    @WithDefault("5")
    int recommendationMinSupport();

    Kotler kotler();

    /** Thresholds of Kotler's matrix (see KotlerMatrix). */
    interface Kotler {
        /** A class with at least this percent of customers has "many". */
        @WithDefault("40")
        BigDecimal manyPercent();

        /** A class with less than this percent of customers has "few". */
        @WithDefault("10")
        BigDecimal fewPercent();

        /** Gross margin per customer at least this multiple of the average: high margin. */
        @WithDefault("1.5")
        BigDecimal highMarginIndex();

        /** Gross margin per customer below this multiple of the average: low margin. */
        @WithDefault("0.5")
        BigDecimal lowMarginIndex();
    }
}
