package io.rapport.contracts.loyalty;

import java.time.Instant;

/**
 * A newcomer who registered with a member's referral code made a first purchase; both were rewarded, once.
 *
 * @param purchaseId the newcomer's first purchase
 */
public record ReferralCompleted(
        String referralId,
        String programmeId,
        String referrerMemberId,
        String referrerCustomerId,
        String newcomerCustomerId,
        long referrerPoints,
        long newcomerPoints,
        String purchaseId,
        Instant occurredAt) {}
