package io.rapport.engagement.domain.pressure;

import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.Purpose;
import java.time.Instant;

/** A contact someone wants: on this channel, for this purpose, at this instant, useless after {@code expiresAt}. */
public record ContactRequest(Channel channel, Purpose purpose, Instant requestedAt, Instant expiresAt) {}
