package io.rapport.engagement.rest;

import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.Complaint;
import io.rapport.engagement.domain.Severity;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A complaint", examples = """
        {"id":"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d","customerId":"3f1c2b9e-8a52-4d7e-9f1a-0c6b1d2e3f40","channel":"PHONE",
         "category":"DELIVERY","severity":"HIGH","description":"parcel arrived damaged","state":"OPEN",
         "openedAt":"2026-05-02T10:00:00Z","dueAt":"2026-05-04T10:00:00Z","escalated":false,"escalationLevel":0,
         "reopenCount":0,"version":0}""")
public record ComplaintView(
        UUID id,
        UUID customerId,
        Channel channel,
        String category,
        Severity severity,
        String description,
        String state,
        Instant openedAt,
        Instant dueAt,
        Instant escalatedAt,
        boolean escalated,

        @Schema(description = "Escalation level reached (0: none), see the complaint escalation rule")
        int escalationLevel,

        String resolution,
        Integer satisfaction,
        Instant resolvedAt,
        int reopenCount,
        String assigneeId,
        long version) {

    static ComplaintView of(Complaint c) {
        return new ComplaintView(
                c.id,
                c.customerId,
                c.channel,
                c.category,
                c.severity,
                c.description,
                c.state,
                c.openedAt,
                c.dueAt,
                c.escalatedAt,
                c.escalatedAt != null,
                c.escalationLevel,
                c.resolution,
                c.satisfaction,
                c.resolvedAt,
                c.reopenCount,
                c.assigneeId,
                c.version);
    }
}
