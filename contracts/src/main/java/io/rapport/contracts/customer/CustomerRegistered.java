package io.rapport.contracts.customer;

/** A new customer record was entered. */
public record CustomerRegistered(CustomerSnapshot customer) {}
