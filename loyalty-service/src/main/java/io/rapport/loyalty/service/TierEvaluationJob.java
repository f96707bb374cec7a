package io.rapport.loyalty.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.rapport.loyalty.config.LoyaltyConfig;
import io.rapport.loyalty.domain.Member;
import io.rapport.loyalty.domain.Programme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * End-of-period tier evaluation: members whose qualification period has ended are claimed in batches with
 * {@code FOR UPDATE SKIP LOCKED} (so N replicas share the work and never evaluate one member twice),
 * evaluated over the window ending at their period end (the only moment a downgrade may happen), and moved
 * into their next period.
 */
@ApplicationScoped
public class TierEvaluationJob {
    private final EntityManager em;
    private final TierEngine tiers;
    private final LoyaltyConfig config;

    public TierEvaluationJob(EntityManager em, TierEngine tiers, LoyaltyConfig config) {
        this.em = em;
        this.tiers = tiers;
        this.config = config;
    }

    @Scheduled(every = "${rapport.loyalty.jobs.tier-evaluation-every:10m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.jobs().enabled()) {
            runUntilDone(Instant.now());
        }
    }

    /** Evaluates every member whose period ended at or before {@code now}; returns how many. */
    public int runUntilDone(Instant now) {
        int total = 0;
        int n;
        do {
            n = QuarkusTransaction.requiringNew().call(() -> batch(now));
            total += n;
        } while (n == config.jobs().batchSize());
        return total;
    }

    @SuppressWarnings("unchecked")
    int batch(Instant now) {
        List<UUID> claimed = em.createNativeQuery("select id from member where status = 'ACTIVE' and period_end <= ?1"
                + " order by period_end limit ?2 for update skip locked", UUID.class)
                .setParameter(1, now).setParameter(2, config.jobs().batchSize()).getResultList();
        for (UUID id : claimed) {
            Member m = em.find(Member.class, id);
            Programme p = ProgrammeService.require(m.programmeId);
            while (!m.periodEnd.isAfter(now)) {
                tiers.evaluate(m, p, m.periodEnd, true);
                m.periodStart = m.periodEnd;
                m.periodEnd = m.periodEnd.atOffset(ZoneOffset.UTC).plusMonths(p.qualificationMonths).toInstant();
            }
        }
        return claimed.size();
    }
}
