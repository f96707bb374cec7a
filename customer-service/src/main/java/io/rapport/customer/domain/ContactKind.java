package io.rapport.customer.domain;

/** A contact point is an e-mail address or a phone number. */
public enum ContactKind {
    EMAIL,
    PHONE
}
