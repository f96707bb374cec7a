package io.rapport.customer.model;

import java.time.Instant;
import java.util.UUID;

/** A preference found by a search, with the customer it belongs to. */
public record PreferenceHit(
        UUID customerId, String displayName, String category, String key, String value, String setBy, Instant setAt) {}
