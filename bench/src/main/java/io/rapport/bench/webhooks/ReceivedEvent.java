package io.rapport.bench.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One request the local receiver got: the delivery's {@code webhook-id}, the CloudEvent's type, subject and time (when
 * the body is a CloudEvent), when it arrived, and whether its signature verified ({@code outcome} says why not).
 * {@code data} is the event's payload of a verified request (the partner view: member number and facts).
 */
public record ReceivedEvent(
        String webhookId,
        String type,
        String subject,
        String time,
        Instant receivedAt,
        boolean verified,
        String outcome,
        String path,
        JsonNode data) {}
