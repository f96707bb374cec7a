package io.rapport.contracts.loyalty;

import java.time.Instant;

/**
 * A customer became a member of a programme (club).
 *
 * @param reason MANUAL (enrolled through the API), AUTO_RULE (the programme's auto-enrol rule matched the
 *        customer's segment class) or REFERRAL (registered with a member's referral code)
 */
public record MemberEnrolled(
        String memberId,
        String programmeId,
        String customerId,
        String memberNumber,
        String tier,
        String reason,
        Instant occurredAt) {}
