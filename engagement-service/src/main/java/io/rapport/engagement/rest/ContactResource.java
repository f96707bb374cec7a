package io.rapport.engagement.rest;

import io.rapport.engagement.domain.Contact;
import io.rapport.engagement.service.AgendaQuery;
import io.rapport.engagement.service.ContactService;
import io.rapport.engagement.service.EngagementOwnership;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.Caller;
import io.rapport.platform.rest.ETags;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.ProblemException;
import io.rapport.platform.rest.openapi.CreatedLocation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/engagement/contacts")
@Tag(name = "Contacts", description = "Follow-up contacts under contact caps and quiet hours, and reps' agendas")
public class ContactResource {
    private final ContactService contacts;
    private final AgendaQuery agenda;

    private final Caller caller;

    public ContactResource(ContactService contacts, AgendaQuery agenda, Caller caller) {
        this.caller = caller;
        this.contacts = contacts;
        this.agenda = agenda;
    }

    @Allow(Roles.SALES)
    @POST
    @Operation(summary = "Create a contact by hand")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContactView.class)))
    @Extension(name = CreatedLocation.EXTENSION, value = "The new resource, through the gateway")
    public Response create(@Valid @NotNull ContactRequests.Create body, @HeaderParam("Idempotency-Key") String key) {
        Contact c = contacts.create(
                body.customerId(),
                body.channel(),
                body.purpose(),
                body.dueAt(),
                body.expiresAt(),
                assigneeFor(body.assigneeId()),
                body.notes(),
                key,
                caller.subject());
        return Response.created(URI.create("/api/v1/engagement/contacts/" + c.id))
                .header("ETag", ETags.of(c.version))
                .entity(ContactView.of(c))
                .build();
    }

    /**
     * A sales rep's own contacts are assigned to it: assigneeId in the body is read-only for sales (absent or itself;
     * another rep answers 403). Admin may assign anyone (absent: the customer's owner, or the unassigned queue).
     */
    private String assigneeFor(String requested) {
        if (caller.hasRole(Roles.ADMIN)) {
            return requested;
        }
        if (requested == null || requested.isBlank() || requested.trim().equals(caller.subject())) {
            return caller.subject();
        }
        throw new ProblemException(
                403,
                "forbidden",
                "Forbidden",
                "assigneeId is read-only for you: a contact you create is assigned to you",
                null,
                null);
    }

    @Allow(
            value = {Roles.MARKETING, Roles.SUPPORT},
            owner = Roles.SALES,
            object = EngagementOwnership.CONTACT)
    @GET
    @Path("/{id}")
    @Operation(summary = "Read a contact")
    @APIResponse(
            responseCode = "200",
            description = "The contact (ETag: its version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContactView.class)))
    public Response get(@PathParam("id") UUID id) {
        Contact c = contacts.get(id);
        return withTag(c);
    }

    @Allow(owner = Roles.SALES, object = EngagementOwnership.CONTACT)
    @POST
    @Path("/{id}/reschedule")
    @Operation(summary = "Reschedule an open contact")
    @APIResponse(
            responseCode = "200",
            description = "The contact",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContactView.class)))
    public Response reschedule(
            @PathParam("id") UUID id,
            @Valid @NotNull ContactRequests.Reschedule body,
            @HeaderParam("If-Match") String ifMatch) {
        return withTag(contacts.reschedule(id, body.dueAt(), body.reason(), ifMatch, caller.subject()));
    }

    @Allow(owner = Roles.SALES, object = EngagementOwnership.CONTACT)
    @POST
    @Path("/{id}/assign")
    @Operation(summary = "Assign an open contact to a rep or queue")
    @APIResponse(
            responseCode = "200",
            description = "The contact",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContactView.class)))
    public Response assign(
            @PathParam("id") UUID id,
            @Valid @NotNull ContactRequests.Assign body,
            @HeaderParam("If-Match") String ifMatch) {
        return withTag(contacts.assign(id, body.assigneeId(), ifMatch));
    }

    @Allow(owner = Roles.SALES, object = EngagementOwnership.CONTACT)
    @POST
    @Path("/{id}/complete")
    @Operation(summary = "Record the contact as made")
    @APIResponse(
            responseCode = "200",
            description = "The contact",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContactView.class)))
    public Response complete(
            @PathParam("id") UUID id,
            @Valid @NotNull ContactRequests.Outcome body,
            @HeaderParam("If-Match") String ifMatch) {
        return withTag(contacts.complete(id, body.outcome(), body.notes(), ifMatch, caller.subject()));
    }

    @Allow(owner = Roles.SALES, object = EngagementOwnership.CONTACT)
    @POST
    @Path("/{id}/miss")
    @Operation(summary = "Record an attempt that did not reach the customer")
    @APIResponse(
            responseCode = "200",
            description = "The contact",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContactView.class)))
    public Response miss(
            @PathParam("id") UUID id,
            @Valid @NotNull ContactRequests.Outcome body,
            @HeaderParam("If-Match") String ifMatch) {
        return withTag(contacts.miss(id, body.outcome(), body.notes(), ifMatch, caller.subject()));
    }

    @Allow(owner = Roles.SALES, object = EngagementOwnership.CONTACT)
    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel an open contact")
    @APIResponse(
            responseCode = "200",
            description = "The contact",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContactView.class)))
    public Response cancel(
            @PathParam("id") UUID id, @Valid ContactRequests.Cancel body, @HeaderParam("If-Match") String ifMatch) {
        return withTag(contacts.cancel(id, body == null ? null : body.reason(), ifMatch, caller.subject()));
    }

    @Allow(owner = Roles.SALES, self = "assignee")
    @GET
    @Path("/agenda")
    @Operation(summary = "A rep's agenda")
    @Parameter(name = "assignee", in = ParameterIn.QUERY, required = true, description = "The rep whose agenda this is")
    public Page<ContactView> agenda(
            @QueryParam("assignee") String assignee,
            @QueryParam("date") String date,
            @QueryParam("zone") String zone,
            @BeanParam PageRequest page) {
        if (assignee == null || assignee.isBlank()) {
            assignee = caller.subject();
        }
        page.validate(Set.of("value"), "value");
        ZoneId z;
        try {
            z = zone == null || zone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw ProblemException.invalid("zone", "is not an IANA time zone: " + zone);
        }
        LocalDate day;
        try {
            day = date == null || date.isBlank()
                    ? LocalDate.now(contacts.clock().withZone(z))
                    : LocalDate.parse(date);
        } catch (DateTimeException e) {
            throw ProblemException.invalid("date", "must be an ISO date like 2026-05-04");
        }
        return agenda.agenda(assignee, day.plusDays(1).atStartOfDay(z).toInstant(), page)
                .map(ContactView::of);
    }

    private static Response withTag(Contact c) {
        return Response.ok(ContactView.of(c))
                .header("ETag", ETags.of(c.version))
                .build();
    }
}
