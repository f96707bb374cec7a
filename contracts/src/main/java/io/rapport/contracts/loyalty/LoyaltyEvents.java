package io.rapport.contracts.loyalty;

import io.rapport.contracts.EventType;
import io.rapport.contracts.Topics;
import java.util.List;

/** Event types loyalty-service publishes on {@code loyalty.events}; subject and key: the customer id. */
public final class LoyaltyEvents {
    public static final EventType MEMBER_ENROLLED = of("rapport.loyalty.member-enrolled.v1", MemberEnrolled.class);
    public static final EventType MEMBER_LEFT = of("rapport.loyalty.member-left.v1", MemberLeft.class);
    public static final EventType TIER_CHANGED = of("rapport.loyalty.tier-changed.v1", TierChanged.class);
    public static final EventType POINTS_EARNED = of("rapport.loyalty.points-earned.v1", PointsEarned.class);
    public static final EventType POINTS_REDEEMED = of("rapport.loyalty.points-redeemed.v1", PointsRedeemed.class);
    public static final EventType POINTS_EXPIRING = of("rapport.loyalty.points-expiring.v1", PointsExpiring.class);
    public static final EventType POINTS_EXPIRED = of("rapport.loyalty.points-expired.v1", PointsExpired.class);
    public static final EventType REWARD_REDEEMED = of("rapport.loyalty.reward-redeemed.v1", RewardRedeemed.class);
    public static final EventType REFERRAL_COMPLETED =
            of("rapport.loyalty.referral-completed.v1", ReferralCompleted.class);

    public static final List<EventType> ALL = List.of(
            MEMBER_ENROLLED,
            MEMBER_LEFT,
            TIER_CHANGED,
            POINTS_EARNED,
            POINTS_REDEEMED,
            POINTS_EXPIRING,
            POINTS_EXPIRED,
            REWARD_REDEEMED,
            REFERRAL_COMPLETED);

    private LoyaltyEvents() {}

    private static EventType of(String name, Class<?> payload) {
        return new EventType(name, Topics.LOYALTY, payload);
    }
}
