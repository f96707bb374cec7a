package io.rapport.engagement.rest;

import io.rapport.engagement.domain.Campaign;
import io.rapport.engagement.domain.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A campaign as listed; its figures are in its report ({@code /campaigns/{id}/report}). */
@Schema(description = "A campaign (its figures: GET /api/v1/engagement/campaigns/{id}/report)", examples = """
        {"id":"7d3e2c1b-0a9f-4e8d-b7c6-5a4b3c2d1e0f","name":"Ask our top customers","channel":"PHONE","targetKind":"TOP_N",
         "topN":50,"state":"ACTIVE","startAt":"2026-06-01T09:00:00Z","expiresAt":"2026-06-30T17:00:00Z",
         "costPerContact":"4.0000","marginPerConversion":"160.0000","currency":"EUR","createdBy":"mia",
         "createdAt":"2026-05-30T14:00:00Z"}""")
public record CampaignView(
        UUID id,
        String name,
        Channel channel,
        @Schema(enumeration = {"CLASS", "LIST", "TOP_N"}) String targetKind,
        String scheme,
        String classLabel,
        Integer topN,
        @Schema(enumeration = {"ACTIVE", "COMPLETED"}) String state,
        Instant startAt,
        Instant expiresAt,
        BigDecimal costPerContact,
        BigDecimal marginPerConversion,
        String currency,
        String createdBy,
        Instant createdAt,
        Instant completedAt) {

    static CampaignView of(Campaign c) {
        return new CampaignView(
                c.id,
                c.name,
                c.channel,
                c.targetKind,
                c.scheme,
                c.classLabel,
                c.topN,
                c.state,
                c.requestedAt,
                c.expiresAt,
                c.costPerContact,
                c.marginPerConversion,
                c.currency,
                c.createdBy,
                c.createdAt,
                c.completedAt);
    }
}
