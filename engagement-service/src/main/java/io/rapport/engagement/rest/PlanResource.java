package io.rapport.engagement.rest;

import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.ContactPlan;
import io.rapport.engagement.domain.Level;
import io.rapport.engagement.domain.Purpose;
import io.rapport.engagement.domain.TriggerType;
import io.rapport.engagement.service.PlanService;
import io.rapport.engagement.service.PlanService.PlanSpec;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.ETags;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.openapi.CreatedLocation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/engagement/plans")
@Tag(
        name = "Contact plans",
        description = "What each relationship level does after a purchase, periodically or on a level change")
public class PlanResource {
    private final PlanService plans;

    public PlanResource(PlanService plans) {
        this.plans = plans;
    }

    @Schema(description = "A contact plan rule", examples = """
            {"level":"ACCOUNTABLE","name":"Satisfaction call after a purchase","trigger":"AFTER_PURCHASE","days":7,
             "channel":"PHONE","purpose":"SATISFACTION_CHECK","costPerContact":"4.00","currency":"EUR","performer":"OWNER",
             "queue":"service-desk","validityDays":14,"active":true}""")
    public record PlanBody(
            @NotNull Level level,
            @NotBlank @Size(max = 200) String name,
            @NotNull TriggerType trigger,
            @Min(0) @Max(3650) int days,
            @NotNull Channel channel,
            @NotNull Purpose purpose,
            @NotNull @DecimalMin("0") BigDecimal costPerContact,
            @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
            @NotNull @Pattern(regexp = "OWNER|QUEUE") String performer,
            @NotBlank @Size(max = 200) String queue,
            @Min(1) @Max(365) int validityDays,
            Boolean active) {
        PlanSpec spec() {
            return new PlanSpec(
                    level,
                    name,
                    trigger,
                    days,
                    channel,
                    purpose,
                    costPerContact,
                    currency,
                    performer,
                    queue,
                    validityDays,
                    active == null || active);
        }
    }

    public record PlanView(
            UUID id,
            Level level,
            String name,
            TriggerType trigger,
            int days,
            Channel channel,
            Purpose purpose,
            BigDecimal costPerContact,
            String currency,
            String performer,
            String queue,
            int validityDays,
            boolean active,
            long version) {
        static PlanView of(ContactPlan p) {
            return new PlanView(
                    p.id,
                    p.level,
                    p.name,
                    p.triggerType,
                    p.days,
                    p.channel,
                    p.purpose,
                    p.costPerContact,
                    p.currency,
                    p.performer,
                    p.queue,
                    p.validityDays,
                    p.active,
                    p.version);
        }
    }

    @Allow({Roles.SALES, Roles.MARKETING, Roles.SUPPORT})
    @GET
    @Operation(summary = "List contact plans")
    public Page<PlanView> list(@QueryParam("level") Level level, @BeanParam PageRequest page) {
        return plans.list(level, page).map(PlanView::of);
    }

    @Allow({Roles.SALES, Roles.MARKETING, Roles.SUPPORT})
    @GET
    @Path("/{id}")
    @Operation(summary = "Read a contact plan")
    @APIResponse(
            responseCode = "200",
            description = "The plan (ETag: its version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PlanView.class)))
    public Response get(@PathParam("id") UUID id) {
        ContactPlan p = plans.get(id);
        return Response.ok(PlanView.of(p)).header("ETag", ETags.of(p.version)).build();
    }

    @Allow(Roles.MARKETING)
    @POST
    @Operation(summary = "Add a contact plan rule to a level")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PlanView.class)))
    @Extension(name = CreatedLocation.EXTENSION, value = "The new resource, through the gateway")
    public Response create(@Valid @NotNull PlanBody body) {
        ContactPlan p = plans.create(body.spec());
        return Response.created(URI.create("/api/v1/engagement/plans/" + p.id))
                .entity(PlanView.of(p))
                .build();
    }

    @Allow(Roles.MARKETING)
    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a contact plan rule")
    @APIResponse(
            responseCode = "200",
            description = "The plan",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PlanView.class)))
    public Response update(
            @PathParam("id") UUID id, @Valid @NotNull PlanBody body, @HeaderParam("If-Match") String ifMatch) {
        ContactPlan p = plans.update(id, body.spec(), ifMatch);
        return Response.ok(PlanView.of(p)).build();
    }

    @Allow(Roles.MARKETING)
    @DELETE
    @Path("/{id}")
    @Operation(summary = "Deactivate a contact plan rule")
    @APIResponse(responseCode = "204", description = "Deactivated")
    public Response deactivate(@PathParam("id") UUID id) {
        plans.deactivate(id);
        return Response.noContent().build();
    }
}
