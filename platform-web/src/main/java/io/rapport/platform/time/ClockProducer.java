package io.rapport.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one clock every service reads "now" from (UTC). A default bean: a test (or a service) that produces its own
 * {@link Clock}, such as devstack's {@code OffsetClock}, replaces it, so tests move time instead of sleeping.
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
