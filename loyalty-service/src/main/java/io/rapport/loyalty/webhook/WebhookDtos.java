package io.rapport.loyalty.webhook;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the webhook API. */
public final class WebhookDtos {
    private WebhookDtos() {}

    @Schema(
            description =
                    "A new subscription. A partner subscribes for itself; an admin names an integration client (or a partner).",
            examples = "{\"url\":\"https://hooks.partner.example/rapport\",\"eventTypes\":[\"rapport.loyalty.*\"],"
                    + "\"description\":\"Points feed for the booking system\"}")
    public record SubscriptionCreate(
            @Schema(
                    description = "https URL that receives the POSTs (http only for allow-listed targets)",
                    examples = "https://hooks.partner.example/rapport")
            String url,

            @Schema(description = "CloudEvent types or wildcards ending in .* (rapport.loyalty.*)")
            List<String> eventTypes,

            @Schema(description = "Free text for the owner", examples = "Points feed for the booking system")
            String description,

            @Schema(description = "Admin only: the integration client this subscription is for", examples = "erp")
            String integrationClient,

            @Schema(description = "Admin only: create it for this loyalty partner instead")
            String partnerId) {}

    @Schema(
            description = "Changes to a subscription; absent fields stay as they are",
            examples = "{\"status\":\"PAUSED\"}")
    public record SubscriptionUpdate(
            @Schema(examples = "https://hooks.partner.example/rapport/v2")
            String url,

            @Schema(description = "Replaces the patterns") List<String> eventTypes,
            String description,

            @Schema(description = "ACTIVE (also re-enables a DISABLED subscription) or PAUSED", examples = "PAUSED")
            String status) {}

    public record Owner(@Schema(examples = "PARTNER") String kind, String partnerId, String integrationClient) {}

    @Schema(description = "A subscription (never its secret)")
    public record SubscriptionView(
            String id,
            Owner owner,
            String url,
            List<String> eventTypes,

            @Schema(description = "The event types the patterns match for this owner")
            List<String> matchedEventTypes,

            String description,

            @Schema(
                    examples = "ACTIVE",
                    enumeration = {"ACTIVE", "PAUSED", "DISABLED"})
            String status,

            @Schema(description = "Why the subscription was disabled (after failing for the whole retry window)")
            String disabledReason,

            Instant disabledAt,

            @Schema(description = "Until when the secret replaced by the last rotation is still valid")
            Instant previousSecretValidUntil,

            Instant createdAt,
            Instant updatedAt,
            long version) {
        static SubscriptionView of(WebhookSubscription s, Instant now) {
            List<String> patterns = s.patterns();
            return new SubscriptionView(
                    s.id.toString(),
                    new Owner(s.ownerKind, s.partnerId == null ? null : s.partnerId.toString(), s.clientName),
                    s.url,
                    patterns,
                    EventTypePatterns.expand(patterns, Entitlements.of(s)),
                    s.description,
                    s.status,
                    s.disabledReason,
                    s.disabledAt,
                    s.previousSecretUntil != null && now.isBefore(s.previousSecretUntil) ? s.previousSecretUntil : null,
                    s.createdAt,
                    s.updatedAt,
                    s.version);
        }
    }

    @Schema(description = "The subscription and its signing secret, shown only in this answer")
    public record CreatedSubscription(
            @Schema(
                    description = "whsec_ + base64 key; verify webhook-signature with it",
                    examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            String secret,

            SubscriptionView subscription) {}

    @Schema(
            description =
                    "The new signing secret, shown only in this answer; the old one stays valid until previousSecretValidUntil")
    public record RotatedSecret(String secret, Instant previousSecretValidUntil) {}

    public record DeliveryView(
            String id,
            String eventId,
            String eventType,
            Instant eventTime,

            @Schema(enumeration = {"PENDING", "DELIVERED", "FAILED", "CANCELLED"})
            String status,

            int attempts,
            Instant lastAttemptAt,
            Integer lastStatusCode,
            Long lastLatencyMs,
            String lastError,
            Instant nextAttemptAt,
            Instant deliveredAt,
            Instant createdAt) {
        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(
                    d.id.toString(),
                    d.eventId,
                    d.eventType,
                    d.eventTime,
                    d.status,
                    d.attempts,
                    d.lastAttemptAt,
                    d.lastStatusCode,
                    d.lastLatencyMs,
                    d.lastError,
                    WebhookDelivery.PENDING.equals(d.status) ? d.nextAttemptAt : null,
                    d.deliveredAt,
                    d.createdAt);
        }
    }

    public record AttemptView(Instant attemptedAt, Integer statusCode, long latencyMs, String error, boolean manual) {
        static AttemptView of(WebhookAttempt a) {
            return new AttemptView(a.attemptedAt, a.statusCode, a.latencyMs, a.error, a.manual);
        }
    }

    @Schema(description = "A delivery with every attempt and the body that is (or was) sent")
    public record DeliveryDetail(DeliveryView delivery, List<AttemptView> attempts, String body) {}

    @Schema(description = "Deliveries whose event time lies in [from, to) are sent again")
    public record RedeliverRange(
            @Schema(examples = "2026-12-01T00:00:00Z") Instant from,
            @Schema(examples = "2026-12-02T00:00:00Z") Instant to) {}

    public record Requeued(
            @Schema(description = "How many deliveries were queued again")
            int requeued) {}

    @Schema(description = "The answer of the target to a signed test event")
    public record PingResult(String deliveryId, boolean success, Integer statusCode, long latencyMs, String error) {}
}
