package io.rapport.gateway.rest;

import io.rapport.gateway.domain.Caller;
import io.rapport.gateway.model.Customer360;
import io.rapport.gateway.proxy.GatewayKeys;
import io.rapport.gateway.service.Customer360Service;
import io.rapport.platform.rest.Problem;
import io.rapport.platform.rest.ProblemException;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Customer 360, served by the gateway itself (the access checks ran before, in {@code AccessHandler}). */
@Path("/api/v1/customers/{id}/360")
@Tag(name = "Customer 360", description = "One view of a customer across every service")
public class Customer360Resource {
    private final Customer360Service service;

    public Customer360Resource(Customer360Service service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCustomer360", summary = "Customer 360")
    @APIResponse(
            responseCode = "200",
            description = "The composed view",
            content = @Content(schema = @Schema(implementation = Customer360.class)))
    @APIResponse(
            responseCode = "404",
            description = "customer-service does not know this customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Parameter(
            name = "id",
            in = ParameterIn.PATH,
            required = true,
            description = "The customer",
            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    public CompletionStage<Customer360> get(@PathParam("id") String id, @Context RoutingContext ctx) {
        UUID customerId;
        try {
            customerId = UUID.fromString(id);
            if (id.length() != 36) {
                throw new IllegalArgumentException(id);
            }
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("id", "must be a UUID");
        }
        Caller caller = ctx.get(GatewayKeys.CALLER);
        return service.compose(customerId, caller, ctx.get(GatewayKeys.REQUEST_ID), ctx.get(GatewayKeys.TRACEPARENT))
                .map(view -> {
                    if (view.profile().status() == Customer360.Status.NOT_FOUND) {
                        throw ProblemException.notFound("customer", customerId);
                    }
                    return view;
                })
                .toCompletionStage();
    }
}
