package io.rapport.loyalty.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Who counts as a new customer for a referral reward: a customer registered after the referral code was issued and
 * without any purchase before the code was applied. Anyone else (an existing customer, a member with purchases) is
 * recorded as NOT_QUALIFYING with the reason, and nobody is rewarded.
 */
public final class NewCustomerRule {
    public static final String NOT_QUALIFYING = "NOT_QUALIFYING";

    private NewCustomerRule() {}

    /**
     * Why the newcomer does not qualify, or empty when they do.
     *
     * @param codeIssuedAt when the referrer's code was issued (the referrer's enrolment)
     * @param registeredAt when the newcomer was registered; null when not known (no registration seen)
     * @param appliedAt when the code was applied to the newcomer
     * @param firstPurchaseAt the newcomer's earliest purchase known, null for none
     */
    public static Optional<String> notQualifying(
            Instant codeIssuedAt, Instant registeredAt, Instant appliedAt, Instant firstPurchaseAt) {
        if (registeredAt == null) {
            return Optional.of("not a new customer: no registration of this customer is known");
        }
        if (codeIssuedAt != null && registeredAt.isBefore(codeIssuedAt)) {
            return Optional.of(
                    "not a new customer: registered " + registeredAt + ", before the code was issued " + codeIssuedAt);
        }
        return boughtBefore(appliedAt, firstPurchaseAt);
    }

    /** Why a purchase at {@code purchasedAt} (null: none) shows the customer is not new, or empty. */
    public static Optional<String> boughtBefore(Instant appliedAt, Instant purchasedAt) {
        if (purchasedAt != null && purchasedAt.isBefore(appliedAt)) {
            return Optional.of(
                    "not a new customer: bought on " + purchasedAt + ", before the code was applied " + appliedAt);
        }
        return Optional.empty();
    }
}
