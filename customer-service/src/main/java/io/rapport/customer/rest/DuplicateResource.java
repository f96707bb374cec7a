package io.rapport.customer.rest;

import io.rapport.customer.model.CustomerView;
import io.rapport.customer.model.DuplicateSuggestionView;
import io.rapport.customer.service.DuplicateSuggestions;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.Caller;
import io.rapport.platform.rest.ETags;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/customers/duplicates/suggestions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Identity and hygiene", description = "One record per person: lookup, merge, dormancy, erasure")
public class DuplicateResource {
    private final DuplicateSuggestions suggestions;
    private final Caller caller;

    public DuplicateResource(DuplicateSuggestions suggestions, Caller caller) {
        this.suggestions = suggestions;
        this.caller = caller;
    }

    @Allow(Roles.DATA_STEWARD)
    @GET
    @Operation(summary = "Review queue of probable duplicates")
    public Page<DuplicateSuggestionView> list(
            @Parameter(description = "Only the pairs this customer is part of") @QueryParam("customerId")
                    UUID customerId,
            @BeanParam PageRequest page) {
        return suggestions.open(customerId, page);
    }

    @Allow(Roles.DATA_STEWARD)
    @POST
    @Path("/{suggestionId}/dismiss")
    @Operation(summary = "Not a duplicate")
    public DuplicateSuggestionView dismiss(@PathParam("suggestionId") UUID id) {
        return suggestions.dismiss(id, caller.subject());
    }

    @Allow(Roles.DATA_STEWARD)
    @POST
    @Path("/{suggestionId}/accept")
    @Operation(summary = "Accept: merge the pair")
    @APIResponseSchema(value = CustomerView.class, responseCode = "200", responseDescription = "The surviving customer")
    public Response accept(@PathParam("suggestionId") UUID id, @Valid SuggestionAcceptInput input) {
        CustomerView c = suggestions.accept(
                id, input == null ? null : input.survivorId(), input == null ? null : input.reason(), caller.subject());
        return Response.ok(c).header(HttpHeaders.ETAG, ETags.of(c.version())).build();
    }
}
