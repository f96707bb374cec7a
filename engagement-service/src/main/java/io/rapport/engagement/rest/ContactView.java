package io.rapport.engagement.rest;

import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.Contact;
import io.rapport.engagement.domain.ContactState;
import io.rapport.engagement.domain.Purpose;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A contact as the API shows it; {@code dueAt} differs from {@code requestedAt} when a rule moved it. */
@Schema(description = "A follow-up contact", examples = """
        {"id":"6b1f0c2e-3d4a-4b5c-8d6e-7f8091a2b3c4","customerId":"3f1c2b9e-8a52-4d7e-9f1a-0c6b1d2e3f40","channel":"PHONE",
         "purpose":"SATISFACTION_CHECK","state":"PLANNED","requestedAt":"2026-05-09T05:00:00Z","dueAt":"2026-05-11T07:00:00Z",
         "expiresAt":"2026-05-23T05:00:00Z","assigneeId":"alice","customerValue":"1520.00",
         "planId":"00000000-0000-4000-8000-000000000002","createdAt":"2026-05-02T05:00:00Z","version":0}""")
public record ContactView(
        UUID id,
        UUID customerId,
        Channel channel,
        Purpose purpose,
        ContactState state,
        Instant requestedAt,
        Instant dueAt,
        Instant expiresAt,
        String pausedReason,
        String assigneeId,
        java.math.BigDecimal customerValue,
        UUID planId,
        UUID campaignId,
        String outcome,
        String notes,
        Instant createdAt,
        Instant closedAt,
        long version,

        @Schema(
                description =
                        "Set when a complaint follow-up could not be placed within the complaint's SLA even with quiet"
                                + " hours and weekend waived, and was placed at once instead (rule SERVICE_SLA)")
        String escalatedReason) {

    static ContactView of(Contact c) {
        return new ContactView(
                c.id,
                c.customerId,
                c.channel,
                c.purpose,
                c.state,
                c.requestedAt,
                c.dueAt,
                c.expiresAt,
                c.pausedReason,
                c.assigneeId,
                c.customerValue,
                c.planId,
                c.campaignId,
                c.outcome,
                c.notes,
                c.createdAt,
                c.closedAt,
                c.version,
                c.escalatedReason);
    }
}
