package io.rapport.loyalty.webhook;

import io.rapport.loyalty.webhook.WebhookDtos.CreatedSubscription;
import io.rapport.loyalty.webhook.WebhookDtos.DeliveryDetail;
import io.rapport.loyalty.webhook.WebhookDtos.DeliveryView;
import io.rapport.loyalty.webhook.WebhookDtos.PingResult;
import io.rapport.loyalty.webhook.WebhookDtos.RedeliverRange;
import io.rapport.loyalty.webhook.WebhookDtos.Requeued;
import io.rapport.loyalty.webhook.WebhookDtos.RotatedSecret;
import io.rapport.loyalty.webhook.WebhookDtos.SubscriptionCreate;
import io.rapport.loyalty.webhook.WebhookDtos.SubscriptionUpdate;
import io.rapport.loyalty.webhook.WebhookDtos.SubscriptionView;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.openapi.CreatedLocation;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Webhook subscriptions through the gateway at {@code /api/v1/webhooks}: loyalty partners with their API key
 * (scopes partner:read / partner:write) for their own subscriptions, admins for all (and for integration clients).
 */
@Allow(Roles.PARTNER)
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Webhooks",
        description =
                "Event subscriptions delivered over HTTPS per the Standard Webhooks specification:"
                        + " each POST carries the CloudEvent in structured JSON mode (application/cloudevents+json) and the headers"
                        + " webhook-id (the event id, for deduplication), webhook-timestamp (Unix seconds) and webhook-signature"
                        + " (v1,<base64 HMAC-SHA256 of id.timestamp.body with the secret's key>; two entries during a rotation). Any 2xx"
                        + " is success; anything else, a redirect or a timeout is retried with exponential backoff and jitter for 24 h, then"
                        + " the subscription is disabled with a reason. See README, Webhooks (verification code in Java and Node).")
public class WebhookResource {
    private final WebhookSubscriptionService subscriptions;
    private final WebhookDeliveryService deliveries;
    private final Clock clock;

    public WebhookResource(WebhookSubscriptionService subscriptions, WebhookDeliveryService deliveries, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @GET
    @Path("/event-types")
    @Operation(operationId = "listWebhookEventTypes", summary = "Event types the caller may subscribe to")
    public List<String> eventTypes() {
        return new TreeSet<>(subscriptions.actor().partner() != null ? Entitlements.PARTNER : Entitlements.CLIENT)
                .stream().toList();
    }

    @POST
    @Path("/subscriptions")
    @Operation(operationId = "createWebhookSubscription", summary = "Subscribe a URL to events")
    @APIResponse(
            responseCode = "201",
            description = "Created; the secret is shown only here",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = CreatedSubscription.class)))
    @Extension(name = CreatedLocation.EXTENSION, value = "The new subscription")
    public Response create(@NotNull SubscriptionCreate body) {
        WebhookSubscriptionService.Created c = subscriptions.create(body);
        return Response.created(URI.create("/api/v1/webhooks/subscriptions/" + c.subscription().id))
                .tag(Long.toString(c.subscription().version))
                .entity(new CreatedSubscription(c.secret(), SubscriptionView.of(c.subscription(), clock.instant())))
                .build();
    }

    @GET
    @Path("/subscriptions")
    @Operation(
            operationId = "listWebhookSubscriptions",
            summary = "The caller's subscriptions",
            description = "A partner sees its own; an admin sees all (partnerId filters by partner). Oldest first.")
    public List<SubscriptionView> list(@QueryParam("partnerId") String partnerId) {
        return subscriptions.list(partnerId).stream()
                .map(s -> SubscriptionView.of(s, clock.instant()))
                .toList();
    }

    @GET
    @Path("/subscriptions/{id}")
    @Operation(
            operationId = "getWebhookSubscription",
            summary = "One subscription",
            description =
                    "Another partner's subscription is 404. A DISABLED one carries disabledReason. ETag: its version.")
    @APIResponse(
            responseCode = "200",
            description = "The subscription",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = SubscriptionView.class)))
    public Response get(@PathParam("id") UUID id) {
        WebhookSubscription s = subscriptions.get(id);
        return Response.ok(SubscriptionView.of(s, clock.instant()))
                .tag(Long.toString(s.version))
                .build();
    }

    @PATCH
    @Path("/subscriptions/{id}")
    @Operation(operationId = "updateWebhookSubscription", summary = "Change URL, event types, description or status")
    @APIResponse(
            responseCode = "200",
            description = "The changed subscription",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = SubscriptionView.class)))
    public Response update(
            @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull SubscriptionUpdate body) {
        WebhookSubscription s = subscriptions.update(id, body, ifMatch);
        return Response.ok(SubscriptionView.of(s, clock.instant()))
                .tag(Long.toString(s.version))
                .build();
    }

    @DELETE
    @Path("/subscriptions/{id}")
    @Operation(
            operationId = "deleteWebhookSubscription",
            summary = "Delete a subscription",
            description = "Its pending deliveries and its log go with it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        subscriptions.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("/subscriptions/{id}/rotate-secret")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate the signing secret")
    @APIResponse(
            responseCode = "200",
            description = "The new secret",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RotatedSecret.class)))
    public RotatedSecret rotate(@PathParam("id") UUID id) {
        WebhookSubscriptionService.Created c = subscriptions.rotate(id);
        return new RotatedSecret(c.secret(), c.subscription().previousSecretUntil);
    }

    @POST
    @Path("/subscriptions/{id}/ping")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "pingWebhookSubscription", summary = "Send a signed test event now")
    @APIResponse(
            responseCode = "200",
            description = "The target's answer",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PingResult.class)))
    public PingResult ping(@PathParam("id") UUID id) {
        return deliveries.ping(id);
    }

    @GET
    @Path("/subscriptions/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log")
    public Page<DeliveryView> deliveries(
            @PathParam("id") UUID id,
            @Parameter(description = "PENDING, DELIVERED, FAILED or CANCELLED") @QueryParam("status") String status,
            @BeanParam PageRequest page) {
        WebhookDeliveryService.Listed l = deliveries.list(id, status, page);
        return Page.of(l.items().stream().map(DeliveryView::of).toList(), page, l.total());
    }

    @GET
    @Path("/subscriptions/{id}/deliveries/{deliveryId}")
    @Operation(operationId = "getWebhookDelivery", summary = "One delivery with every attempt and its body")
    public DeliveryDetail delivery(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return deliveries.detail(id, deliveryId);
    }

    @POST
    @Path("/subscriptions/{id}/deliveries/{deliveryId}/redeliver")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "redeliverWebhookDelivery", summary = "Send one event again")
    @APIResponse(
            responseCode = "202",
            description = "Queued",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeliveryView.class)))
    public Response redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return Response.accepted(DeliveryView.of(deliveries.redeliver(id, deliveryId)))
                .build();
    }

    @POST
    @Path("/subscriptions/{id}/redeliver")
    @Operation(
            operationId = "redeliverWebhookRange",
            summary = "Send every event of a time range again",
            description = "Queues again each delivery whose event time lies in [from, to) (at most 31 days).")
    @APIResponse(
            responseCode = "202",
            description = "How many were queued",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Requeued.class)))
    public Response redeliverRange(@PathParam("id") UUID id, @NotNull RedeliverRange body) {
        return Response.accepted(new Requeued(deliveries.redeliver(id, body.from(), body.to())))
                .build();
    }
}
