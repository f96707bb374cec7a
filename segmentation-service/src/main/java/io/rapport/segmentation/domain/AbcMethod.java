package io.rapport.segmentation.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * How ABC cuts the ranking. CUMULATIVE_SHARE cuts where the cumulative share of total value reaches each
 * cut-off; RANK_PERCENTILE cuts where the share of customers ranked so far reaches it. In both, the
 * customer who crosses a cut-off belongs to the class before it.
 */
public enum AbcMethod {
    CUMULATIVE_SHARE(List.of(new BigDecimal("80"), new BigDecimal("95"))),
    RANK_PERCENTILE(List.of(new BigDecimal("5"), new BigDecimal("20")));

    private final List<BigDecimal> defaultCutoffs;

    AbcMethod(List<BigDecimal> defaultCutoffs) {
        this.defaultCutoffs = defaultCutoffs;
    }

    /** Default cut-offs in percent for three classes. */
    public List<BigDecimal> defaultCutoffs() {
        return defaultCutoffs;
    }
}
