package io.rapport.customer.domain;

/** A contact channel that needs the customer's consent. */
public enum Channel {
    EMAIL,
    SMS,
    PHONE,
    POST
}
