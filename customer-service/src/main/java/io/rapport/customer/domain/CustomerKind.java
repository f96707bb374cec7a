package io.rapport.customer.domain;

/** Who the customer is; the organisation kinds carry company data instead of a person's name. */
public enum CustomerKind {
    CONSUMER,
    PURCHASER,
    ENTERPRISE,
    INTERMEDIARY,
    CHANNEL_PARTNER;

    public boolean isOrganisation() {
        return this == ENTERPRISE || this == INTERMEDIARY || this == CHANNEL_PARTNER;
    }
}
