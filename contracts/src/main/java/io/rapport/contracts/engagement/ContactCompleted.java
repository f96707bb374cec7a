package io.rapport.contracts.engagement;

import java.time.Instant;

/**
 * A contact took place: a rep recorded it as done, or an automated message (EMAIL, SMS) was sent.
 *
 * @param automated true when the dispatcher sent it without a person
 * @param outcome free-form outcome code, e.g. SENT, REACHED, SATISFIED, ORDER_PLACED
 */
public record ContactCompleted(
        String contactId,
        String customerId,
        String channel,
        String purpose,
        String outcome,
        boolean automated,
        Instant completedAt) {}
