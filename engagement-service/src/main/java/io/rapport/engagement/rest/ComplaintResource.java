package io.rapport.engagement.rest;

import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.Complaint;
import io.rapport.engagement.domain.Severity;
import io.rapport.engagement.service.ComplaintService;
import io.rapport.engagement.service.EngagementOwnership;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.Caller;
import io.rapport.platform.rest.ETags;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.openapi.CreatedLocation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/engagement/complaints")
@Tag(name = "Complaints", description = "Intake, SLA due dates, escalation, resolution and reopening")
public class ComplaintResource {
    private final ComplaintService complaints;

    private final Caller caller;

    public ComplaintResource(ComplaintService complaints, Caller caller) {
        this.caller = caller;
        this.complaints = complaints;
    }

    @Schema(examples = """
            {"customerId":"3f1c2b9e-8a52-4d7e-9f1a-0c6b1d2e3f40","channel":"PHONE","category":"DELIVERY","severity":"HIGH",
             "description":"parcel arrived damaged"}""")
    public record OpenBody(
            @NotNull UUID customerId,
            @NotNull Channel channel,
            @NotBlank @Size(max = 100) String category,
            @NotNull Severity severity,
            @Size(max = 4000) String description) {}

    @Schema(examples = """
            {"resolution":"replacement sent","satisfaction":4}""")
    public record ResolveBody(
            @NotBlank @Size(max = 4000) String resolution,
            @Min(1) @Max(5) Integer satisfaction) {}

    @Schema(examples = """
            {"reason":"replacement also damaged"}""")
    public record ReopenBody(@Size(max = 1000) String reason) {}

    @Allow({Roles.SALES, Roles.SUPPORT})
    @POST
    @Operation(summary = "Open a complaint")
    @APIResponse(
            responseCode = "201",
            description = "Opened",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ComplaintView.class)))
    @Extension(name = CreatedLocation.EXTENSION, value = "The new resource, through the gateway")
    public Response open(@Valid @NotNull OpenBody body) {
        Complaint c = complaints.open(
                body.customerId(),
                body.channel(),
                body.category(),
                body.severity(),
                body.description(),
                caller.subject());
        return Response.created(URI.create("/api/v1/engagement/complaints/" + c.id))
                .entity(ComplaintView.of(c))
                .build();
    }

    @Allow(value = Roles.SUPPORT, owner = Roles.SALES, object = EngagementOwnership.COMPLAINT)
    @GET
    @Path("/{id}")
    @Operation(summary = "Read a complaint")
    @APIResponse(
            responseCode = "200",
            description = "The complaint (ETag: its version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ComplaintView.class)))
    public Response get(@PathParam("id") UUID id) {
        Complaint c = complaints.get(id);
        return Response.ok(ComplaintView.of(c))
                .header("ETag", ETags.of(c.version))
                .build();
    }

    @Allow(value = Roles.SUPPORT, owner = Roles.SALES, self = "assignee")
    @GET
    @Operation(summary = "Open complaints queue")
    public Page<ComplaintView> queue(
            @QueryParam("escalated") @DefaultValue("false") boolean escalated,
            @QueryParam("assignee") String assignee,
            @BeanParam PageRequest page) {
        // support and admin see the whole queue (or one assignee's); sales only the complaints assigned to it
        String only = caller.hasAnyRole(Roles.ADMIN, Roles.SUPPORT)
                ? (assignee == null || assignee.isBlank() ? null : assignee.trim())
                : caller.subject();
        return complaints.openQueue(escalated, only, page).map(ComplaintView::of);
    }

    @Allow(value = Roles.SUPPORT, owner = Roles.SALES, object = EngagementOwnership.COMPLAINT)
    @POST
    @Path("/{id}/resolve")
    @Operation(summary = "Resolve a complaint")
    public ComplaintView resolve(
            @PathParam("id") UUID id, @Valid @NotNull ResolveBody body, @HeaderParam("If-Match") String ifMatch) {
        return ComplaintView.of(complaints.resolve(id, body.resolution(), body.satisfaction(), ifMatch));
    }

    @Allow(value = Roles.SUPPORT, owner = Roles.SALES, object = EngagementOwnership.COMPLAINT)
    @POST
    @Path("/{id}/reopen")
    @Operation(summary = "Reopen a resolved complaint")
    public ComplaintView reopen(
            @PathParam("id") UUID id, @Valid ReopenBody body, @HeaderParam("If-Match") String ifMatch) {
        return ComplaintView.of(complaints.reopen(id, body == null ? null : body.reason(), ifMatch, caller.subject()));
    }
}
