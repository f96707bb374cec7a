package io.rapport.gateway.rest;

import io.rapport.gateway.domain.Caller;
import io.rapport.gateway.model.CustomerAudit;
import io.rapport.gateway.proxy.GatewayKeys;
import io.rapport.gateway.service.CustomerAuditService;
import io.rapport.platform.rest.Problem;
import io.rapport.platform.rest.ProblemException;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A customer's whole audit trail, composed by the gateway from every service's (access checked in AccessHandler first). */
@Path("/api/v1/customers/{id}/audit")
@Tag(name = "Audit trail", description = "Who changed what, when, from which request")
public class CustomerAuditResource {
    private final CustomerAuditService service;

    public CustomerAuditResource(CustomerAuditService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "A customer's audit trail across every service",
            description =
                    "Changes of the customer, its consents, preferences, merges and erasure (customer-service), its "
                            + "points adjustments (loyalty-service) and whatever else each service records about it, newest first, "
                            + "each with the actor (subject, roles, partner), the request id and the changed fields before and after; "
                            + "an erased customer's personal values are redacted. Readable by the roles that read customers. "
                            + "page x size reaches at most " + CustomerAuditService.MAX_DEPTH
                            + " records deep; for older records use "
                            + "each service's GET <prefix>/audit?customerId= (admin). A service that does not answer in time is "
                            + "listed in unavailable.")
    @APIResponse(
            responseCode = "200",
            description = "One page of the trail",
            content = @Content(schema = @Schema(implementation = CustomerAudit.class)))
    @APIResponse(
            responseCode = "400",
            description = "id not a UUID, or page/size out of bounds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CompletionStage<CustomerAudit> get(
            @PathParam("id") String id,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size,
            @Context RoutingContext ctx) {
        UUID customerId;
        try {
            customerId = UUID.fromString(id);
            if (id.length() != 36) {
                throw new IllegalArgumentException(id);
            }
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("id", "must be a UUID");
        }
        if (size < 1 || size > CustomerAuditService.MAX_DEPTH) {
            throw ProblemException.invalid("size", "must be between 1 and " + CustomerAuditService.MAX_DEPTH);
        }
        if (page < 0 || (long) (page + 1) * size > CustomerAuditService.MAX_DEPTH) {
            throw ProblemException.invalid(
                    "page", "page x size must stay within the newest " + CustomerAuditService.MAX_DEPTH + " records");
        }
        Caller caller = ctx.get(GatewayKeys.CALLER);
        return service.trail(
                        customerId,
                        page,
                        size,
                        caller,
                        ctx.get(GatewayKeys.REQUEST_ID),
                        ctx.get(GatewayKeys.TRACEPARENT))
                .toCompletionStage();
    }
}
