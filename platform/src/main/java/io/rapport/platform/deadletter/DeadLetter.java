package io.rapport.platform.deadletter;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A record a consumer could never apply, as the admin API lists it. */
@Schema(description = "A consumed record that a consumer could never apply (a dead letter)")
public record DeadLetter(
        UUID id,

        @Schema(description = "The inbox consumer that failed, e.g. loyalty")
        String consumer,

        String topic,
        int partition,
        long offset,

        @Schema(description = "ce_id; null when the record was not a readable CloudEvent")
        String eventId,

        String eventType,

        @Schema(description = "ce_subject (the customer id)")
        String subject,

        @Schema(description = "The last failure") String error,

        @Schema(description = "Attempts so far, redrives included")
        int attempts,

        Instant firstFailedAt,
        Instant lastFailedAt,

        @Schema(enumeration = {"PENDING", "REDRIVEN", "DISCARDED"})
        String status,

        Instant resolvedAt,
        @Schema(description = "Who redrove or discarded it") String resolvedBy,
        String discardReason) {

    public static final String PENDING = "PENDING";
    public static final String REDRIVEN = "REDRIVEN";
    public static final String DISCARDED = "DISCARDED";
}
