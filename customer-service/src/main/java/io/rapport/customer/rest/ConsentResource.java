package io.rapport.customer.rest;

import io.rapport.customer.domain.Channel;
import io.rapport.customer.model.ConsentInput;
import io.rapport.customer.model.ConsentsView;
import io.rapport.customer.model.DoNotContactInput;
import io.rapport.customer.service.ConsentService;
import io.rapport.customer.service.CustomerOwnership;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/customers/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consent", description = "How customers want to hear from us, per channel, with history")
public class ConsentResource {
    private final ConsentService service;

    private final Caller caller;

    public ConsentResource(ConsentService service, Caller caller) {
        this.caller = caller;
        this.service = service;
    }

    @Allow({Roles.SALES, Roles.SUPPORT, Roles.DATA_STEWARD})
    @GET
    @Path("/consents")
    @Operation(summary = "Read consents")
    public ConsentsView consents(@PathParam("id") UUID id) {
        return service.view(id);
    }

    @Allow(owner = Roles.SALES, object = CustomerOwnership.CUSTOMER)
    @PUT
    @Path("/consents/{channel}")
    @Operation(summary = "Record a consent decision")
    public ConsentsView decide(
            @PathParam("id") UUID id, @PathParam("channel") Channel channel, @Valid @NotNull ConsentInput input) {
        return service.decide(id, channel, input, caller.subject());
    }

    @Allow(owner = Roles.SALES, object = CustomerOwnership.CUSTOMER)
    @PUT
    @Path("/do-not-contact")
    @Operation(
            summary = "Set or lift do-not-contact",
            description = "Overrides every channel consent while set." + " Publishes ConsentChanged with channel null.")
    public ConsentsView doNotContact(@PathParam("id") UUID id, @Valid @NotNull DoNotContactInput input) {
        return service.doNotContact(id, input, caller.subject());
    }
}
