package io.rapport.engagement.domain.pressure;

import io.rapport.engagement.domain.Channel;
import java.time.Instant;

/** An outbound contact already made or already placed on the calendar: it counts against the caps. */
public record PastContact(Instant at, Channel channel) {}
