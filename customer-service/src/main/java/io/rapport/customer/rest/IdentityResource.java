package io.rapport.customer.rest;

import io.rapport.customer.model.CustomerView;
import io.rapport.customer.service.DormancyJob;
import io.rapport.customer.service.ErasureService;
import io.rapport.customer.service.LookupService;
import io.rapport.customer.service.MergeService;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.Caller;
import io.rapport.platform.rest.ETags;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Identity and hygiene", description = "One record per person: lookup, merge, dormancy, erasure")
public class IdentityResource {
    private final LookupService lookup;
    private final MergeService merge;
    private final ErasureService erasure;
    private final DormancyJob dormancy;

    private final Caller caller;

    public IdentityResource(
            LookupService lookup, MergeService merge, ErasureService erasure, DormancyJob dormancy, Caller caller) {
        this.caller = caller;
        this.lookup = lookup;
        this.merge = merge;
        this.erasure = erasure;
        this.dormancy = dormancy;
    }

    @Allow({Roles.SALES, Roles.SUPPORT, Roles.DATA_STEWARD})
    @GET
    @Path("/lookup")
    @Operation(summary = "Find a customer by e-mail, phone or external id")
    @APIResponseSchema(value = CustomerView.class, responseCode = "200", responseDescription = "The customer")
    public Response find(
            @QueryParam("email") String email,
            @QueryParam("phone") String phone,
            @QueryParam("externalSystem") String externalSystem,
            @QueryParam("externalId") String externalId) {
        CustomerView c = lookup.lookup(email, phone, externalSystem, externalId);
        return Response.ok(c).header(HttpHeaders.ETAG, ETags.of(c.version())).build();
    }

    @Allow(Roles.DATA_STEWARD)
    @POST
    @Path("/{id}/merge")
    @Operation(summary = "Merge a duplicate into this customer")
    @APIResponseSchema(value = CustomerView.class, responseCode = "200", responseDescription = "The surviving customer")
    public Response merge(@PathParam("id") UUID survivorId, @Valid @NotNull MergeInput input) {
        CustomerView c = merge.merge(survivorId, input.mergedId(), input.reason(), caller.subject());
        return Response.ok(c).header(HttpHeaders.ETAG, ETags.of(c.version())).build();
    }

    @Allow(Roles.DATA_STEWARD)
    @POST
    @Path("/{id}/erasure")
    @Operation(summary = "Erase a customer's personal data (GDPR)")
    @APIResponse(responseCode = "204", description = "Erased")
    public void erase(@PathParam("id") UUID id, @Valid ErasureInput input) {
        erasure.erase(id, input == null ? null : input.reason());
    }

    /** How many customers a dormancy run marked. */
    public record DormancyRun(int markedDormant) {}

    @Allow(Roles.DATA_STEWARD)
    @POST
    @Path("/hygiene/dormancy-runs")
    @Operation(summary = "Run the dormancy check now")
    public DormancyRun runDormancy() {
        return new DormancyRun(dormancy.runOnce());
    }
}
