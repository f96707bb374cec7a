package io.rapport.devstack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A service's clock in tests: real time plus an offset a test may move forward (and must reset), in UTC. A service's
 * tests make it the clock its beans inject with a CDI alternative of a few lines, e.g.
 * {@code @Alternative @Priority(1) @Singleton public class TestClock extends OffsetClock {}}.
 */
public class OffsetClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration d) {
        offset = offset.plus(d);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
