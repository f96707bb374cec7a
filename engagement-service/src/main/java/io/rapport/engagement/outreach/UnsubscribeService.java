package io.rapport.engagement.outreach;

import io.rapport.contracts.engagement.EngagementEvents;
import io.rapport.contracts.engagement.Unsubscribed;
import io.rapport.engagement.domain.CustomerProfile;
import io.rapport.engagement.domain.outreach.UnsubscribeToken;
import io.rapport.engagement.service.ContactScheduler;
import io.rapport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies an unsubscribe link: the channel's consent is withdrawn in engagement's projection at once (the customer's
 * open contacts on that channel are placed again, so they are cancelled by the consent rule), the withdrawal is
 * recorded with its source ({@code unsubscribe-link}), method and time, and Unsubscribed goes out through the outbox
 * for customer-service, which owns consent. A second click changes nothing.
 */
@ApplicationScoped
public class UnsubscribeService {
    public static final String SOURCE = "unsubscribe-link";

    public enum Result {
        WITHDRAWN,
        ALREADY,
        INVALID
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final ContactScheduler scheduler;
    private final Clock clock;
    private final UnsubscribeToken tokens;

    public UnsubscribeService(
            EntityManager em, Outbox outbox, ContactScheduler scheduler, Clock clock, OutreachConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.scheduler = scheduler;
        this.clock = clock;
        this.tokens = new UnsubscribeToken(config.unsubscribeKey());
    }

    public Optional<UnsubscribeToken.Claims> check(String token) {
        return tokens.verify(token).filter(c -> "EMAIL".equals(c.channel()) || "SMS".equals(c.channel()));
    }

    @Transactional
    public Result unsubscribe(String token, String method) {
        Optional<UnsubscribeToken.Claims> claims = check(token);
        if (claims.isEmpty()) {
            return Result.INVALID;
        }
        UnsubscribeToken.Claims c = claims.get();
        CustomerProfile p =
                em.find(CustomerProfile.class, c.customerId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            return Result.INVALID;
        }
        Boolean before = p.consents().get(c.channel());
        if (Boolean.FALSE.equals(before) && withdrawn(c.customerId(), c.channel())) {
            return Result.ALREADY;
        }
        Instant now = clock.instant();
        var consents = new java.util.HashMap<>(p.consents());
        consents.put(c.channel(), false);
        p.consents(consents);
        p.updatedAt = now;
        em.createNativeQuery("insert into consent_withdrawal (id, customer_id, channel, contact_id, method, source, at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, c.customerId())
                .setParameter(3, c.channel())
                .setParameter(4, c.contactId())
                .setParameter(5, method)
                .setParameter(6, SOURCE)
                .setParameter(7, now)
                .executeUpdate();
        scheduler.replan(p);
        outbox.publish(
                EngagementEvents.UNSUBSCRIBED,
                c.customerId(),
                new Unsubscribed(
                        c.customerId().toString(), c.channel(), c.contactId().toString(), method, now));
        return Result.WITHDRAWN;
    }

    private boolean withdrawn(UUID customerId, String channel) {
        return ((Number) em.createNativeQuery(
                                        "select count(*) from consent_withdrawal where customer_id = ?1 and channel = ?2")
                                .setParameter(1, customerId)
                                .setParameter(2, channel)
                                .getSingleResult())
                        .longValue()
                > 0;
    }
}
