package io.rapport.loyalty.expiry;

import io.quarkus.scheduler.Scheduled;
import io.rapport.contracts.loyalty.LoyaltyEvents;
import io.rapport.contracts.loyalty.PointsExpiring;
import io.rapport.loyalty.config.LoyaltyConfig;
import io.rapport.loyalty.domain.Member;
import io.rapport.platform.jobs.Jobs;
import io.rapport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Points expiry, oldest lot first, and the warning ahead of it. Members are claimed with
 * {@code FOR UPDATE SKIP LOCKED} on their row (the same lock every booking takes first, so no deadlock
 * with redemptions, and N replicas never expire one lot twice); each expired lot becomes one EXPIRE entry
 * with the lot as its unique source. A warning marks the lots it covers, so each lot is announced once. Both run on
 * the platform's {@link Jobs#drain}: each batch in a transaction of its own.
 */
@ApplicationScoped
public class ExpiryJob {
    private final EntityManager em;
    private final Outbox outbox;
    private final LoyaltyConfig config;
    private final PointsExpiry expiry;
    private final ExpiryStore store;
    private final java.time.Clock clock;
    private final Jobs jobs;

    public ExpiryJob(
            EntityManager em,
            Outbox outbox,
            LoyaltyConfig config,
            PointsExpiry expiry,
            ExpiryStore store,
            java.time.Clock clock,
            Jobs jobs) {
        this.store = store;
        this.jobs = jobs;
        this.em = em;
        this.outbox = outbox;
        this.config = config;
        this.expiry = expiry;
        this.clock = clock;
    }

    @Scheduled(
            every = "${rapport.loyalty.jobs.expiry-every:1h}",
            delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.jobs().enabled()) {
            Instant now = clock.instant();
            warnUntilDone(now);
            expireUntilDone(now);
        }
    }

    /** Expires every lot due at {@code now}, a batch of members per transaction ({@link Jobs#drain}); returns how many members. */
    public int expireUntilDone(Instant now) {
        return jobs.drain(config.jobs().batchSize(), () -> expireBatch(now));
    }

    /** Warns every member with unwarned lots expiring soon, a batch per transaction ({@link Jobs#drain}); returns how many. */
    public int warnUntilDone(Instant now) {
        return jobs.drain(config.jobs().batchSize(), () -> warnBatch(now));
    }

    /** Claims a batch of members with due lots and expires them through the one pipeline ({@link PointsExpiry}). */
    int expireBatch(Instant now) {
        List<UUID> claimed = store.claim(now, config.jobs().batchSize());
        if (!claimed.isEmpty()) {
            expiry.expireDue(Member.<Member>list("id in ?1", claimed), now);
        }
        return claimed.size();
    }

    /** Marks and announces, per member, the unwarned lots that expire within the programme's warning days. */
    @SuppressWarnings("unchecked")
    int warnBatch(Instant now) {
        List<Object[]> rows = em.createNativeQuery("update points_lot l set warned_at = ?1 from member m, programme p"
                        + " where l.member_id = m.id and p.id = m.programme_id and m.status = 'ACTIVE' and m.customer_id is not null"
                        + " and l.remaining > 0 and l.warned_at is null and l.expires_at > ?1"
                        + " and l.expires_at <= cast(?1 as timestamptz) + make_interval(days => p.expiry_warning_days)"
                        + " and l.member_id in (select distinct l2.member_id from points_lot l2 join member m2 on m2.id = l2.member_id"
                        + " join programme p2 on p2.id = m2.programme_id where m2.status = 'ACTIVE' and m2.customer_id is not null"
                        + " and l2.remaining > 0 and l2.warned_at is null"
                        + " and l2.expires_at > ?1 and l2.expires_at <= cast(?1 as timestamptz) + make_interval(days => p2.expiry_warning_days) limit ?2)"
                        + " returning l.member_id, m.programme_id, m.customer_id, l.remaining, l.expires_at")
                .setParameter(1, now)
                .setParameter(2, config.jobs().batchSize())
                .getResultList();
        java.util.Map<UUID, Object[]> perMember = new java.util.TreeMap<>();
        for (Object[] r : rows) {
            UUID member = (UUID) r[0];
            Instant expires = instant(r[4]);
            Object[] acc = perMember.computeIfAbsent(member, k -> new Object[] {r[1], r[2], 0L, expires});
            acc[2] = (Long) acc[2] + ((Number) r[3]).longValue();
            if (expires.isBefore((Instant) acc[3])) {
                acc[3] = expires;
            }
        }
        perMember.forEach((member, acc) -> outbox.publish(
                LoyaltyEvents.POINTS_EXPIRING,
                acc[1],
                new PointsExpiring(
                        member.toString(),
                        acc[0].toString(),
                        acc[1].toString(),
                        (Long) acc[2],
                        (Instant) acc[3],
                        now)));
        return perMember.size();
    }

    private static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((Timestamp) o).toInstant();
    }
}
