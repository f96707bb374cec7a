package io.rapport.engagement.domain;

/**
 * What makes a contact plan schedule a contact: a purchase (then {@code days} later), a recurring interval
 * (every {@code days} days after the previous one), or a change of the customer's level ({@code days} later).
 */
public enum TriggerType {
    AFTER_PURCHASE,
    EVERY_N_DAYS,
    ON_LEVEL_CHANGE
}
