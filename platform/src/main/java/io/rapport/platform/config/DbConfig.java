package io.rapport.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Bounds on database work. Values are PostgreSQL durations ({@code 500ms}, {@code 15s}, {@code 30min}, {@code 1h};
 * {@code 0} means no limit).
 */
@ConfigMapping(prefix = "rapport.db")
public interface DbConfig {

    /**
     * Longest time one statement may run on a pooled connection (set at connect time, see the platform's
     * microprofile-config.properties); a request whose statement is cancelled answers 503.
     */
    @WithDefault("8s")
    String statementTimeout();

    /**
     * Longest time one statement of a background job (classification run, window move, run events, outbox
     * pruning) may run; such jobs raise the limit for their own transaction only ({@code SET LOCAL}).
     */
    @WithDefault("1h")
    String jobStatementTimeout();
}
