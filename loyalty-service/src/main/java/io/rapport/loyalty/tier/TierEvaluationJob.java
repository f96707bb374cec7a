package io.rapport.loyalty.tier;

import io.quarkus.scheduler.Scheduled;
import io.rapport.loyalty.config.LoyaltyConfig;
import io.rapport.loyalty.domain.Member;
import io.rapport.platform.jobs.Jobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * End-of-period tier evaluation: members whose qualification period has ended are claimed in batches with
 * {@code FOR UPDATE SKIP LOCKED} (so N replicas share the work and never evaluate one member twice) and handed to
 * {@link TierPipeline#endOfPeriod}, one batch per transaction through the platform's {@link Jobs#drain}.
 */
@ApplicationScoped
public class TierEvaluationJob {
    private final EntityManager em;
    private final TierPipeline pipeline;
    private final LoyaltyConfig config;
    private final Clock clock;
    private final Jobs jobs;

    public TierEvaluationJob(EntityManager em, TierPipeline pipeline, LoyaltyConfig config, Clock clock, Jobs jobs) {
        this.jobs = jobs;
        this.em = em;
        this.pipeline = pipeline;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(
            every = "${rapport.loyalty.jobs.tier-evaluation-every:10m}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.jobs().enabled()) {
            runUntilDone(clock.instant());
        }
    }

    /** Evaluates every member whose period ended at or before {@code now}; returns how many. */
    public int runUntilDone(Instant now) {
        return jobs.drain(config.jobs().batchSize(), () -> batch(now));
    }

    @SuppressWarnings("unchecked")
    int batch(Instant now) {
        List<UUID> claimed = em.createNativeQuery(
                        "select id from member where status = 'ACTIVE' and period_end <= ?1"
                                + " order by period_end limit ?2 for update skip locked",
                        UUID.class)
                .setParameter(1, now)
                .setParameter(2, config.jobs().batchSize())
                .getResultList();
        if (!claimed.isEmpty()) {
            List<Member> members = Member.<Member>list("id in ?1", claimed).stream()
                    .sorted(Comparator.comparing((Member m) -> m.periodEnd).thenComparing(m -> m.id))
                    .toList();
            pipeline.endOfPeriod(members, now);
        }
        return claimed.size();
    }
}
