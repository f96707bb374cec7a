package io.rapport.contracts.customer;

import java.util.List;

/** A customer record changed; {@code changedFields} names the top-level fields that changed. */
public record CustomerUpdated(CustomerSnapshot customer, List<String> changedFields) {}
