package io.rapport.contracts.loyalty;

import java.time.Instant;

/** A member left a programme; the ledger and the balance are kept should the customer come back. */
public record MemberLeft(String memberId, String programmeId, String customerId, String memberNumber, String reason,
        Instant occurredAt) {
}
