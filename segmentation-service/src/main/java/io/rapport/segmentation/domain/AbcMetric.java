package io.rapport.segmentation.domain;

/**
 * What ABC ranks by: REVENUE, PROFIT (gross margin minus cost-to-serve), VOLUME (purchase count) or a
 * weighted SCORE of those figures and tenure, each normalised by its largest value over all customers.
 */
public enum AbcMetric {
    REVENUE,
    PROFIT,
    VOLUME,
    SCORE
}
