package io.rapport.segmentation.classification;

import io.quarkus.scheduler.Scheduled;
import io.rapport.segmentation.domain.Scheme;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The scheduled full recompute of every scheme. Every replica's timer fires, but the run's advisory lock
 * lets one replica run a scheme while the others skip it.
 */
@ApplicationScoped
public class RunScheduler {
    private static final Logger LOG = Logger.getLogger(RunScheduler.class);

    private final RunService runs;

    public RunScheduler(RunService runs) {
        this.runs = runs;
    }

    @Scheduled(
            cron = "${rapport.segmentation.schedule:0 30 2 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recomputeAll() {
        runs.runAll(List.of(Scheme.values()), "SCHEDULE").forEach((scheme, run) -> {
            if (run.isEmpty()) {
                LOG.infof("scheduled %s run skipped: another replica is running it", scheme);
            }
        });
    }
}
