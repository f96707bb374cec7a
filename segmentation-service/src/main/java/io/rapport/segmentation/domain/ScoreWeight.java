package io.rapport.segmentation.domain;

/** The figures a SCORE metric may weigh; TENURE is years as a customer. */
public enum ScoreWeight {
    REVENUE,
    PROFIT,
    VOLUME,
    TENURE
}
