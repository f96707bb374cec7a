package io.rapport.customer.rest;

import io.rapport.customer.domain.Touchpoint;
import io.rapport.customer.model.CustomerView;
import io.rapport.customer.model.PreferenceChangeView;
import io.rapport.customer.model.PreferenceHit;
import io.rapport.customer.service.CustomerOwnership;
import io.rapport.customer.service.PreferenceService;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.Caller;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Preferences", description = "Preferences remembered at every touchpoint")
public class PreferenceResource {
    private final PreferenceService service;

    private final Caller caller;

    public PreferenceResource(PreferenceService service, Caller caller) {
        this.caller = caller;
        this.service = service;
    }

    @Allow({Roles.SALES, Roles.SUPPORT, Roles.DATA_STEWARD})
    @GET
    @Path("/{id}/preferences")
    @Operation(summary = "List a customer's preferences", description = "Sorted by category and key.")
    public List<CustomerView.PreferenceView> list(@PathParam("id") UUID id) {
        return service.of(id);
    }

    @Allow(owner = Roles.SALES, object = CustomerOwnership.CUSTOMER)
    @PUT
    @Path("/{id}/preferences/{category}/{key}")
    @Operation(summary = "Remember a preference")
    public CustomerView.PreferenceView set(
            @PathParam("id") UUID id,
            @PathParam("category") String category,
            @PathParam("key") String key,
            @Valid @NotNull PreferenceInput input) {
        return service.set(id, category, key, input.value(), input.touchpointOrDefault(), caller.subject());
    }

    @Allow(owner = Roles.SALES, object = CustomerOwnership.CUSTOMER)
    @DELETE
    @Path("/{id}/preferences/{category}/{key}")
    @Operation(summary = "Forget a preference")
    public void remove(
            @PathParam("id") UUID id,
            @PathParam("category") String category,
            @PathParam("key") String key,
            @Parameter(
                            description =
                                    "Where the customer asked; one of WEB, APP, STORE, CALL_CENTER, EMAIL, IMPORT, API",
                            example = "CALL_CENTER")
                    @QueryParam("touchpoint")
                    String touchpoint) {
        service.remove(id, category, key, touchpoint(touchpoint), caller.subject());
    }

    @Allow({Roles.SALES, Roles.SUPPORT, Roles.DATA_STEWARD})
    @GET
    @Path("/{id}/preferences/history")
    @Operation(summary = "A customer's preference history")
    public Page<PreferenceChangeView> history(@PathParam("id") UUID id, @BeanParam PageRequest page) {
        return service.history(id, page);
    }

    private static Touchpoint touchpoint(String value) {
        if (value == null || value.isBlank()) {
            return Touchpoint.API;
        }
        try {
            return Touchpoint.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(
                    "touchpoint", "must be one of " + java.util.Arrays.toString(Touchpoint.values()));
        }
    }

    @Allow({Roles.SALES, Roles.SUPPORT, Roles.DATA_STEWARD})
    @GET
    @Path("/preferences")
    @Operation(
            summary = "Search preferences",
            description = "Across customers, by category, key and part of the value;"
                    + " e.g. everyone who wants a long pillow.")
    public Page<PreferenceHit> search(
            @QueryParam("category") String category,
            @QueryParam("key") String key,
            @QueryParam("value") String value,
            @BeanParam PageRequest page) {
        return service.search(category, key, value, page);
    }
}
