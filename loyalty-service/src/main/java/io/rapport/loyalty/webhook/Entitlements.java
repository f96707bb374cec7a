package io.rapport.loyalty.webhook;

import io.rapport.contracts.EventType;
import io.rapport.contracts.EventTypes;
import io.rapport.contracts.loyalty.LoyaltyEvents;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which event types an owner may subscribe to. A loyalty partner: the loyalty events of its own programme's members who
 * linked it, except referral-completed (it concerns a second person, the newcomer), each reduced to the
 * {@link PartnerView}. An integration client (created by an admin): every type Rapport publishes, as published.
 */
public final class Entitlements {
    public static final Set<String> PARTNER = LoyaltyEvents.ALL.stream()
            .filter(t -> t != LoyaltyEvents.REFERRAL_COMPLETED)
            .map(EventType::name)
            .collect(Collectors.toUnmodifiableSet());
    public static final Set<String> CLIENT =
            EventTypes.all().stream().map(EventType::name).collect(Collectors.toUnmodifiableSet());

    private Entitlements() {}

    public static Set<String> of(WebhookSubscription s) {
        return s.partner() ? PARTNER : CLIENT;
    }
}
