package io.rapport.contracts.customer;

/** An amount as a decimal string (no floating point on the wire) with an ISO 4217 currency code. */
public record Money(String amount, String currency) {}
