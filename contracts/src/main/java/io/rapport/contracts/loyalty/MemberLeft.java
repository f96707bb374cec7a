package io.rapport.contracts.loyalty;

import java.time.Instant;

/**
 * A member left a programme; the ledger and the balance are kept should the customer come back. The reason typed when
 * leaving stays in loyalty-service and is not sent (free text about a customer never goes to a topic).
 */
public record MemberLeft(
        String memberId, String programmeId, String customerId, String memberNumber, Instant occurredAt) {}
