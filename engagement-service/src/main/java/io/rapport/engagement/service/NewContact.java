package io.rapport.engagement.service;

import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.Purpose;
import java.time.Instant;
import java.util.UUID;

/**
 * What is asked for when a contact is created.
 *
 * @param sourceKey what makes it unique (a purchase and plan, a campaign target, an Idempotency-Key); null = none
 * @param assigneeId null: the customer's owner, else {@code fallbackQueue}
 */
public record NewContact(
        UUID customerId,
        Channel channel,
        Purpose purpose,
        Instant requestedAt,
        Instant expiresAt,
        UUID planId,
        UUID campaignId,
        String sourceKey,
        String assigneeId,
        String notes,
        String createdBy) {}
