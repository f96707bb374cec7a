package io.rapport.engagement.rest;

import io.rapport.engagement.domain.ContactState;
import io.rapport.engagement.domain.CustomerProfile;
import io.rapport.engagement.domain.Level;
import io.rapport.engagement.domain.LevelResolver.SchemeClass;
import io.rapport.engagement.service.CustomerEngagementQuery;
import io.rapport.engagement.service.CustomerEngagementQuery.AdjustmentLine;
import io.rapport.engagement.service.EngagementOwnership;
import io.rapport.engagement.service.LevelService;
import io.rapport.engagement.service.LevelService.LevelChange;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.Caller;
import io.rapport.platform.rest.ETags;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/engagement/customers/{id}")
@Tag(name = "Customer engagement", description = "A customer's level, contacts, complaints and why contacts moved")
public class CustomerEngagementResource {
    private final CustomerEngagementQuery query;
    private final LevelService levels;

    private final Caller caller;

    public CustomerEngagementResource(CustomerEngagementQuery query, LevelService levels, Caller caller) {
        this.caller = caller;
        this.query = query;
        this.levels = levels;
    }

    @Schema(description = "What the Customer 360 view shows of engagement", examples = """
            {"customerId":"3f1c2b9e-8a52-4d7e-9f1a-0c6b1d2e3f40","level":"ACCOUNTABLE","levelSource":"SEGMENT",
             "nextContacts":[],"openComplaints":[]}""")
    public record Summary(
            UUID customerId,
            Level level,
            String levelSource,
            List<ContactView> nextContacts,
            List<ComplaintView> openComplaints) {}

    @Schema(description = "A customer's relationship level and where it comes from")
    public record LevelView(
            UUID customerId,
            Level level,
            String levelSource,
            String reason,
            List<SchemeClass> classes,
            BigDecimal valueScore,
            boolean topCustomer,
            long version) {}

    @Schema(examples = """
            {"level":"PARTNERSHIP","reason":"strategic account, joint product roadmap"}""")
    public record LevelOverride(
            @NotNull Level level,
            @NotBlank @Size(max = 1000) String reason) {}

    @Allow({Roles.SALES, Roles.MARKETING, Roles.SUPPORT})
    @GET
    @Path("/summary")
    @Operation(summary = "Engagement summary for Customer 360")
    public Summary summary(@PathParam("id") UUID id) {
        CustomerProfile p = query.profile(id);
        return new Summary(
                id,
                p.level,
                p.levelSource,
                query.nextContacts(id, CustomerEngagementQuery.NEXT_CONTACTS).stream()
                        .map(ContactView::of)
                        .toList(),
                query.openComplaints(id).stream().map(ComplaintView::of).toList());
    }

    @Allow({Roles.SALES, Roles.MARKETING, Roles.SUPPORT})
    @GET
    @Path("/level")
    @Operation(summary = "The customer's relationship level")
    @APIResponse(
            responseCode = "200",
            description = "The relationship level (ETag: its version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LevelView.class)))
    public Response level(@PathParam("id") UUID id) {
        CustomerProfile p = query.profile(id);
        return Response.ok(levelView(p)).header("ETag", ETags.of(p.version)).build();
    }

    @Allow(owner = Roles.SALES, object = EngagementOwnership.CUSTOMER)
    @PUT
    @Path("/level")
    @Operation(summary = "Override the level")
    @APIResponse(
            responseCode = "200",
            description = "The relationship level",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LevelView.class)))
    public Response override(
            @PathParam("id") UUID id, @Valid @NotNull LevelOverride body, @HeaderParam("If-Match") String ifMatch) {
        CustomerProfile p = levels.override(id, body.level(), body.reason(), caller.subject(), ifMatch);
        return Response.ok(levelView(p)).build();
    }

    @Allow(owner = Roles.SALES, object = EngagementOwnership.CUSTOMER)
    @DELETE
    @Path("/level/override")
    @Operation(summary = "Remove the override")
    public LevelView clearOverride(@PathParam("id") UUID id) {
        return levelView(levels.clearOverride(id, caller.subject()));
    }

    @Allow({Roles.SALES, Roles.MARKETING, Roles.SUPPORT})
    @GET
    @Path("/level/history")
    @Operation(summary = "Level history")
    public List<LevelChange> history(@PathParam("id") UUID id) {
        return levels.history(id);
    }

    @Allow(
            value = {Roles.MARKETING, Roles.SUPPORT},
            owner = Roles.SALES,
            object = EngagementOwnership.CUSTOMER)
    @GET
    @Path("/contacts")
    @Operation(summary = "The customer's contacts")
    public Page<ContactView> contacts(
            @PathParam("id") UUID id, @QueryParam("state") ContactState state, @BeanParam PageRequest page) {
        return query.contacts(id, state, page).map(ContactView::of);
    }

    @Allow({Roles.SALES, Roles.MARKETING, Roles.SUPPORT})
    @GET
    @Path("/contact-adjustments")
    @Operation(summary = "Which contacts moved and why")
    public List<AdjustmentLine> adjustments(
            @PathParam("id") UUID id, @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ProblemException.invalid("limit", "must be between 1 and 1000");
        }
        return query.adjustments(id, limit);
    }

    @Allow(value = Roles.SUPPORT, owner = Roles.SALES, object = EngagementOwnership.CUSTOMER)
    @GET
    @Path("/complaints")
    @Operation(summary = "The customer's complaints")
    public Page<ComplaintView> complaints(@PathParam("id") UUID id, @BeanParam PageRequest page) {
        return query.complaints(id, page).map(ComplaintView::of);
    }

    private LevelView levelView(CustomerProfile p) {
        return new LevelView(
                p.customerId,
                p.level,
                p.levelSource,
                p.levelReason,
                levels.classes(p.customerId),
                p.valueScore,
                p.topCustomer,
                p.version);
    }
}
