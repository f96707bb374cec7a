package io.rapport.gateway.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The clock the gateway's time rules read "now" from (token expiry and reuse, rate limits); tests construct those
 * classes with a clock they can move. A default bean: a clock produced by the platform later takes its place.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
