package io.rapport.engagement.rest;

import io.rapport.engagement.domain.Campaign;
import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.service.CampaignService;
import io.rapport.engagement.service.CampaignService.NewCampaign;
import io.rapport.engagement.service.CampaignService.Report;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.Caller;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.ProblemException;
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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/engagement/campaigns")
@Tag(
        name = "Campaigns",
        description = "Outreach to a class, a list or the top N customers, under the same pressure rules")
public class CampaignResource {
    private final CampaignService campaigns;

    private final Caller caller;

    public CampaignResource(CampaignService campaigns, Caller caller) {
        this.caller = caller;
        this.campaigns = campaigns;
    }

    @Schema(description = "CLASS needs scheme and classLabel, LIST needs customerIds, TOP_N needs topN")
    public record Target(
            @NotNull @Pattern(regexp = "CLASS|LIST|TOP_N") String kind,
            @Size(max = 50) String scheme,
            @Size(max = 50) String classLabel,
            @Size(max = 10000) List<UUID> customerIds,
            @Min(1) @Max(100000) Integer topN) {}

    @Schema(examples = """
            {"name":"Ask our top customers","channel":"PHONE","target":{"kind":"TOP_N","topN":50},
             "startAt":"2026-06-01T09:00:00Z","expiresAt":"2026-06-30T17:00:00Z","costPerContact":"4.00",
             "marginPerConversion":"160.00","currency":"EUR"}""")
    public record CampaignBody(
            @NotBlank @Size(max = 200) String name,
            @NotNull Channel channel,
            @NotNull @Valid Target target,
            Instant startAt,
            @NotNull Instant expiresAt,
            @NotNull @DecimalMin("0") BigDecimal costPerContact,
            @NotNull @DecimalMin("0") BigDecimal marginPerConversion,
            @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {}

    @Schema(name = "CampaignResponse", examples = """
            {"customerId":"3f1c2b9e-8a52-4d7e-9f1a-0c6b1d2e3f40","converted":true}""")
    public record ResponseBody(@NotNull UUID customerId, boolean converted) {}

    @Allow(Roles.MARKETING)
    @POST
    @Operation(summary = "Launch a campaign")
    @APIResponse(
            responseCode = "201",
            description = "Launched: the campaign report",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Report.class)))
    @Extension(name = CreatedLocation.EXTENSION, value = "The new resource, through the gateway")
    public Response launch(@Valid @NotNull CampaignBody b) {
        Target t = b.target();
        switch (t.kind()) {
            case "CLASS" -> {
                if (t.scheme() == null || t.classLabel() == null) {
                    throw ProblemException.invalid("target.scheme", "CLASS targets need scheme and classLabel");
                }
            }
            case "LIST" -> {
                if (t.customerIds() == null || t.customerIds().isEmpty()) {
                    throw ProblemException.invalid("target.customerIds", "LIST targets need at least one customer id");
                }
            }
            default -> {
                if (t.topN() == null) {
                    throw ProblemException.invalid("target.topN", "TOP_N targets need topN");
                }
            }
        }
        Campaign c = campaigns.launch(
                new NewCampaign(
                        b.name(),
                        b.channel(),
                        t.kind(),
                        t.scheme(),
                        t.classLabel(),
                        t.customerIds(),
                        t.topN(),
                        b.startAt(),
                        b.expiresAt(),
                        b.costPerContact(),
                        b.marginPerConversion(),
                        b.currency()),
                caller.subject());
        return Response.created(URI.create("/api/v1/engagement/campaigns/" + c.id))
                .entity(campaigns.report(c.id))
                .build();
    }

    @Allow(Roles.MARKETING)
    @GET
    @Operation(operationId = "listCampaigns", summary = "List campaigns")
    @Parameter(
            name = "status",
            in = ParameterIn.QUERY,
            description = "Only campaigns in this state",
            schema =
                    @Schema(
                            enumeration = {"ACTIVE", "COMPLETED"},
                            type = SchemaType.STRING))
    public Page<CampaignView> list(@QueryParam("status") String status, @BeanParam PageRequest page) {
        if (status != null && !status.equals(CampaignService.ACTIVE) && !status.equals(CampaignService.COMPLETED)) {
            throw ProblemException.invalid("status", "must be ACTIVE or COMPLETED");
        }
        return campaigns.list(status, page).map(CampaignView::of);
    }

    @Allow(Roles.MARKETING)
    @GET
    @Path("/{id}/report")
    @Operation(summary = "Campaign report")
    public Report report(@PathParam("id") UUID id) {
        return campaigns.report(id);
    }

    @Allow(Roles.MARKETING)
    @POST
    @Path("/{id}/responses")
    @Operation(summary = "Record a response")
    public Report respond(@PathParam("id") UUID id, @Valid @NotNull ResponseBody body) {
        campaigns.respond(id, body.customerId(), body.converted());
        return campaigns.report(id);
    }

    @Allow(Roles.MARKETING)
    @POST
    @Path("/{id}/complete")
    @Operation(summary = "Complete a campaign")
    public Report complete(@PathParam("id") UUID id) {
        return campaigns.complete(id);
    }
}
