package io.rapport.customer.service;

import io.quarkus.scheduler.Scheduled;
import io.rapport.customer.config.CustomerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Runs the dormancy marking on every replica; the row claims make concurrent runs safe. */
@ApplicationScoped
public class DormancyJob {
    private static final Logger LOG = Logger.getLogger(DormancyJob.class);

    private final HygieneService hygiene;
    private final CustomerConfig config;

    public DormancyJob(HygieneService hygiene, CustomerConfig config) {
        this.hygiene = hygiene;
        this.config = config;
    }

    /** Marks every inactive customer, batch by batch; returns how many. */
    public int runOnce() {
        int total = 0;
        int marked;
        do {
            marked = hygiene.markDormantBatch();
            total += marked;
        } while (marked >= config.dormancyBatchSize());
        return total;
    }

    @Scheduled(
            every = "${rapport.customer.dormancy-interval}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int marked = runOnce();
        if (marked > 0) {
            LOG.infof("marked %d customers DORMANT", marked);
        }
    }
}
