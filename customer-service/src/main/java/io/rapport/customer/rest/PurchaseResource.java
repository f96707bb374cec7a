package io.rapport.customer.rest;

import io.rapport.customer.model.CostInput;
import io.rapport.customer.model.CostView;
import io.rapport.customer.model.PurchaseInput;
import io.rapport.customer.model.PurchaseView;
import io.rapport.customer.model.RefundInput;
import io.rapport.customer.model.RefundView;
import io.rapport.customer.service.CostService;
import io.rapport.customer.service.CustomerOwnership;
import io.rapport.customer.service.PurchaseService;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.openapi.CreatedLocation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/customers/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Purchases and costs", description = "What customers bought, refunds, and what serving them costs")
public class PurchaseResource {
    private final PurchaseService purchases;
    private final CostService costs;

    public PurchaseResource(PurchaseService purchases, CostService costs) {
        this.purchases = purchases;
        this.costs = costs;
    }

    @Allow(owner = Roles.SALES, object = CustomerOwnership.CUSTOMER)
    @POST
    @Path("/purchases")
    @Operation(summary = "Record a purchase")
    @APIResponseSchema(value = PurchaseView.class, responseCode = "201", responseDescription = "Recorded")
    @Extension(name = CreatedLocation.EXTENSION, value = "The new resource, through the gateway")
    @APIResponse(
            responseCode = "200",
            description = "Already recorded (same source and order id): the first result",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PurchaseView.class)))
    public Response record(@PathParam("id") UUID id, @Valid @NotNull PurchaseInput input) {
        PurchaseService.Recorded r = purchases.record(id, input);
        if (r.replayed()) {
            return Response.ok(r.purchase()).build();
        }
        return Response.created(URI.create(
                        "/api/v1/customers/" + id + "/purchases/" + r.purchase().id()))
                .entity(r.purchase())
                .build();
    }

    @Allow({Roles.SALES, Roles.SUPPORT, Roles.DATA_STEWARD})
    @GET
    @Path("/purchases")
    @Operation(
            summary = "List a customer's purchases",
            description = "Paged; sortable by occurredAt (default, newest" + " first), recordedAt, total.")
    public Page<PurchaseView> list(@PathParam("id") UUID id, @BeanParam PageRequest page) {
        return purchases.list(id, page);
    }

    @Allow({Roles.SALES, Roles.SUPPORT, Roles.DATA_STEWARD})
    @GET
    @Path("/purchases/{purchaseId}")
    @Operation(summary = "Read a purchase", description = "With what has been refunded of each line.")
    public PurchaseView get(@PathParam("id") UUID id, @PathParam("purchaseId") UUID purchaseId) {
        return purchases.get(id, purchaseId);
    }

    @Allow(owner = Roles.SALES, object = CustomerOwnership.CUSTOMER)
    @POST
    @Path("/purchases/{purchaseId}/refunds")
    @Operation(summary = "Refund a purchase or some of its lines")
    @APIResponseSchema(value = RefundView.class, responseCode = "201", responseDescription = "Refunded")
    public Response refund(
            @PathParam("id") UUID id,
            @PathParam("purchaseId") UUID purchaseId,
            @Valid @NotNull RefundInput input,
            @HeaderParam("Idempotency-Key") String key) {
        RefundView r = purchases.refund(id, purchaseId, input, key);
        return Response.status(Response.Status.CREATED).entity(r).build();
    }

    @Allow(owner = Roles.SALES, object = CustomerOwnership.CUSTOMER)
    @POST
    @Path("/costs")
    @Operation(summary = "Record a cost-to-serve item")
    @APIResponseSchema(value = CostView.class, responseCode = "201", responseDescription = "Recorded")
    public Response cost(
            @PathParam("id") UUID id, @Valid @NotNull CostInput input, @HeaderParam("Idempotency-Key") String key) {
        return Response.status(Response.Status.CREATED)
                .entity(costs.record(id, input, key))
                .build();
    }

    @Allow({Roles.SALES, Roles.SUPPORT, Roles.DATA_STEWARD})
    @GET
    @Path("/costs")
    @Operation(summary = "List a customer's cost-to-serve items", description = "Paged; newest first by default.")
    public Page<CostView> costs(@PathParam("id") UUID id, @BeanParam PageRequest page) {
        return costs.list(id, page);
    }
}
