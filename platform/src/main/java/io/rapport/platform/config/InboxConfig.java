package io.rapport.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The idempotent inbox's knobs; each can be set by environment, e.g. RAPPORT_INBOX_MAX_ATTEMPTS. */
@ConfigMapping(prefix = "rapport.inbox")
public interface InboxConfig {
    /**
     * The name under which this service's platform channels ({@link io.rapport.platform.inbox.DelegatingConsumer})
     * record processed events and dead letters, e.g. {@code loyalty}: an event is applied once per name. Required by a
     * service that turns a platform channel on.
     */
    Optional<String> consumer();

    /**
     * Attempts for a record failing with a data error (SQLState class 22 or 23) before it is dead-lettered. Transient
     * failures are retried without limit, poison records are dead-lettered at once.
     */
    @WithDefault("3")
    int maxAttempts();

    /** Upper bound of the pause before the first retry; doubles for every further attempt (jittered). */
    @WithDefault("PT0.1S")
    Duration retryBackoff();

    /** Upper bound of the pause between retries of a transient failure. */
    @WithDefault("PT30S")
    Duration maxBackoff();

    /** How long processed event ids are remembered (longer than any topic's retention). */
    @WithDefault("P90D")
    Duration retention();

    /** How often old processed ids are forgotten. */
    @WithDefault("1h")
    String pruneInterval();

    /** How often {@code rapport_dlq_records} is refreshed from the dead-letter table. */
    @WithDefault("15s")
    String metricsInterval();
}
