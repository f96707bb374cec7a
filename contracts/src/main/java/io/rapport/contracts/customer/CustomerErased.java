package io.rapport.contracts.customer;

import java.time.Instant;

/** The customer asked to be forgotten: every service removes its personal data of this customer. */
public record CustomerErased(String customerId, Instant occurredAt) {}
