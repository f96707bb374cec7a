package io.rapport.customer.rest;

import io.rapport.customer.domain.CustomerKind;
import io.rapport.customer.domain.CustomerStatus;
import io.rapport.customer.model.CustomerInput;
import io.rapport.customer.model.CustomerView;
import io.rapport.customer.service.CustomerOwnership;
import io.rapport.customer.service.CustomerQuery;
import io.rapport.customer.service.CustomerSearch;
import io.rapport.customer.service.CustomerService;
import io.rapport.customer.service.CustomerSummary;
import io.rapport.customer.service.DuplicateDetector;
import io.rapport.customer.service.OwnerAssignment;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.Caller;
import io.rapport.platform.rest.ETags;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.openapi.CreatedLocation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers", description = "Who the customer is: records, contact points, organisation data, status")
public class CustomerResource {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(CustomerResource.class);
    private final CustomerService service;
    private final CustomerSearch search;
    private final DuplicateDetector duplicates;
    private final CustomerEntry entry;
    private final OwnerAssignment owners;

    private final Caller caller;

    public CustomerResource(
            CustomerService service,
            CustomerSearch search,
            DuplicateDetector duplicates,
            CustomerEntry entry,
            OwnerAssignment owners,
            Caller caller) {
        this.caller = caller;
        this.owners = owners;
        this.entry = entry;
        this.service = service;
        this.search = search;
        this.duplicates = duplicates;
    }

    /**
     * Adds fuzzy duplicate suggestions for the stored customer (its own transaction, after the customer's): a failure
     * here never undoes or refuses the entry, it only costs the suggestion. A customer without a street line and a
     * birth date has no candidates ({@link DuplicateDetector#mayHaveCandidates}): no transaction is opened for it.
     */
    private void suggestDuplicates(CustomerView c) {
        if (!DuplicateDetector.mayHaveCandidates(
                c.address() == null ? null : c.address().line1(), c.birthDate())) {
            return;
        }
        UUID id = c.id();
        try {
            duplicates.detect(id);
        } catch (RuntimeException e) {
            LOG.warnf(e, "duplicate detection for customer %s failed; the customer is stored", id);
        }
    }

    @Allow(Roles.SALES)
    @POST
    @Operation(summary = "Enter a customer")
    @APIResponseSchema(value = CustomerView.class, responseCode = "201", responseDescription = "Created")
    @Extension(name = CreatedLocation.EXTENSION, value = "The new resource, through the gateway")
    @APIResponse(
            responseCode = "200",
            description = "A replay with the same Idempotency-Key: the first result",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CustomerView.class)))
    public Response create(
            @Valid @NotNull CustomerInput input,
            @Parameter(description = "Replays with the same key return the first result")
                    @HeaderParam("Idempotency-Key")
                    String key) {
        CustomerEntry.Created created = entry.create(owners.ofNew(input), key, caller.subject());
        CustomerView c = created.customer();
        if (!created.replayed()) {
            suggestDuplicates(c);
        }
        Response.ResponseBuilder r = created.replayed()
                ? Response.ok(c)
                : Response.created(URI.create("/api/v1/customers/" + c.id())).entity(c);
        return r.header(HttpHeaders.ETAG, ETags.of(c.version())).build();
    }

    /** engagement-service reads the recipient here at send time, with its own token (read only). */
    @Allow(
            value = {Roles.SALES, Roles.SUPPORT, Roles.DATA_STEWARD},
            services = "engagement-service")
    @GET
    @Path("/{id}")
    @Operation(summary = "Read a customer")
    @APIResponseSchema(
            value = CustomerView.class,
            responseCode = "200",
            responseDescription = "The customer (ETag: its version)")
    public Response get(@PathParam("id") UUID id) {
        CustomerView c = service.view(id);
        return Response.ok(c).header(HttpHeaders.ETAG, ETags.of(c.version())).build();
    }

    @Allow(owner = Roles.SALES, object = CustomerOwnership.CUSTOMER)
    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a customer's data")
    @APIResponseSchema(value = CustomerView.class, responseCode = "200", responseDescription = "The updated customer")
    public Response update(
            @PathParam("id") UUID id, @Valid @NotNull CustomerInput input, @HeaderParam("If-Match") String ifMatch) {
        CustomerView c = service.update(id, input, ifMatch, caller.subject());
        suggestDuplicates(c);
        return Response.ok(c).header(HttpHeaders.ETAG, ETags.of(c.version())).build();
    }

    @Allow({Roles.SALES, Roles.SUPPORT, Roles.DATA_STEWARD})
    @GET
    @Operation(summary = "Search customers")
    public Page<CustomerSummary> search(
            @Parameter(
                            description =
                                    "Free text: part of the name, an e-mail or (digits) a phone number; at least 3"
                                            + " characters",
                            example = "lovelace")
                    @QueryParam("q")
                    @Size(max = 200)
                    String q,
            @QueryParam("name") @Size(max = 200) String name,
            @QueryParam("email") @Size(max = 254) String email,
            @QueryParam("phone") @Size(max = 40) String phone,
            @QueryParam("kind") CustomerKind kind,
            @QueryParam("tag") String tag,
            @QueryParam("owner") String owner,
            @QueryParam("status") CustomerStatus status,
            @Parameter(example = "2026-01-01T00:00:00Z") @QueryParam("createdFrom") Instant createdFrom,
            @QueryParam("createdTo") Instant createdTo,
            @QueryParam("activeFrom") Instant activeFrom,
            @QueryParam("activeTo") Instant activeTo,
            @BeanParam PageRequest page) {
        return search.search(
                new CustomerQuery(
                        name, email, phone, kind, tag, owner, status, createdFrom, createdTo, activeFrom, activeTo, q),
                page);
    }

    @Allow({Roles.SALES, Roles.SUPPORT, Roles.DATA_STEWARD})
    @GET
    @Path("/stale")
    @Operation(summary = "List stale records")
    public Page<CustomerSummary> stale(@BeanParam PageRequest page) {
        return search.stale(page);
    }

    @Allow(value = Roles.DATA_STEWARD, owner = Roles.SALES, object = CustomerOwnership.CUSTOMER)
    @POST
    @Path("/{id}/verify")
    @Operation(
            summary = "Mark a record verified",
            description = "Someone confirmed the data is correct: sets lastVerifiedAt" + " (and counts as activity).")
    @APIResponseSchema(
            value = CustomerView.class,
            responseCode = "200",
            responseDescription = "The customer, verified now")
    public Response verify(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        CustomerView c = service.verify(id, ifMatch);
        return Response.ok(c).header(HttpHeaders.ETAG, ETags.of(c.version())).build();
    }

    /** Why a record is archived. */
    public record ArchiveRequest(@Size(max = 500) String reason) {}

    @Allow(value = Roles.DATA_STEWARD, owner = Roles.SALES, object = CustomerOwnership.CUSTOMER)
    @POST
    @Path("/{id}/archive")
    @Operation(summary = "Archive a record")
    @APIResponseSchema(value = CustomerView.class, responseCode = "200", responseDescription = "The archived customer")
    public Response archive(
            @PathParam("id") UUID id, @Valid ArchiveRequest request, @HeaderParam("If-Match") String ifMatch) {
        CustomerView c = service.archive(id, request == null ? null : request.reason(), ifMatch);
        return Response.ok(c).header(HttpHeaders.ETAG, ETags.of(c.version())).build();
    }
}
