package io.rapport.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The idempotent inbox's knobs; each can be set by environment, e.g. RAPPORT_INBOX_MAX_ATTEMPTS. */
@ConfigMapping(prefix = "rapport.inbox")
public interface InboxConfig {
    /** Attempts for one record before it goes to the dead-letter topic. */
    @WithDefault("3")
    int maxAttempts();

    /** Pause before the first retry; doubles for every further attempt. */
    @WithDefault("PT0.1S")
    Duration retryBackoff();

    /** How long processed event ids are remembered (longer than any topic's retention). */
    @WithDefault("P90D")
    Duration retention();

    /** How often old processed ids are forgotten. */
    @WithDefault("1h")
    String pruneInterval();
}
