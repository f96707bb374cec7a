package io.rapport.engagement.domain;

import java.time.Instant;
import java.util.UUID;

/** A purchase as engagement needs it to trigger AFTER_PURCHASE plans. */
public record PurchaseFact(String purchaseId, UUID customerId, Instant occurredAt) {}
