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
    @Operation(
            summary = "Find a customer by e-mail, phone or external id",
            description = "Give exactly one of email,"
                    + " phone, or externalSystem with externalId. Values are normalised first (any letter case, any phone"
                    + " formatting in international form). 404 when nobody owns it.")
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
    @Operation(
            summary = "Merge a duplicate into this customer",
            description = "The customer in the path survives and"
                    + " absorbs the other's contact points, external ids, preferences, consents (most recent decision wins),"
                    + " purchases and costs; the other becomes MERGED pointing here. Publishes CustomerMerged (subject = merged"
                    + " id), CustomerStatusChanged and CustomerUpdated for the survivor.")
    @APIResponseSchema(value = CustomerView.class, responseCode = "200", responseDescription = "The surviving customer")
    public Response merge(@PathParam("id") UUID survivorId, @Valid @NotNull MergeInput input) {
        CustomerView c = merge.merge(survivorId, input.mergedId(), input.reason(), caller.subject());
        return Response.ok(c).header(HttpHeaders.ETAG, ETags.of(c.version())).build();
    }

    @Allow(Roles.DATA_STEWARD)
    @POST
    @Path("/{id}/erasure")
    @Operation(
            summary = "Erase a customer's personal data (GDPR)",
            description = "Irreversible. Personal data of the"
                    + " customer and of every record merged into it is removed (names, contact points, address, tags, notes,"
                    + " reasons, consents, preferences), purchases and costs stay anonymously for statistics; unsent events lose"
                    + " any personal data, sent ones are deleted, the customer's audit trail is redacted; publishes CustomerErased"
                    + " for the customer and each merged duplicate so every service forgets them. The erasure is recorded in the"
                    + " audit trail with the caller and the optional reason. A merged record answers 409 naming its survivor."
                    + " Answers 204.")
    @APIResponse(responseCode = "204", description = "Erased")
    public void erase(@PathParam("id") UUID id, @Valid ErasureInput input) {
        erasure.erase(id, input == null ? null : input.reason());
    }

    /** How many customers a dormancy run marked. */
    public record DormancyRun(int markedDormant) {}

    @Allow(Roles.DATA_STEWARD)
    @POST
    @Path("/hygiene/dormancy-runs")
    @Operation(
            summary = "Run the dormancy check now",
            description = "Marks customers without activity for"
                    + " rapport.customer.dormant-after (default 18 months) DORMANT; the same job runs on a schedule and is safe"
                    + " on several replicas at once.")
    public DormancyRun runDormancy() {
        return new DormancyRun(dormancy.runOnce());
    }
}
