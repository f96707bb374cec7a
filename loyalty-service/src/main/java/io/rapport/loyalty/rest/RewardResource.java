package io.rapport.loyalty.rest;

import io.rapport.loyalty.domain.Reward;
import io.rapport.loyalty.rest.RewardDtos.RedemptionView;
import io.rapport.loyalty.rest.RewardDtos.RewardCreate;
import io.rapport.loyalty.rest.RewardDtos.RewardRedeem;
import io.rapport.loyalty.rest.RewardDtos.RewardView;
import io.rapport.loyalty.service.ProgrammeService;
import io.rapport.loyalty.service.RewardService;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.openapi.CreatedLocation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Allow({Roles.SALES, Roles.MARKETING})
@Path("/api/v1/loyalty")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rewards", description = "The rewards catalogue and reward redemptions")
public class RewardResource {
    private final RewardService rewards;

    public RewardResource(RewardService rewards) {
        this.rewards = rewards;
    }

    @Allow(Roles.MARKETING)
    @POST
    @Path("/programmes/{programmeId}/rewards")
    @Operation(summary = "Add a reward", description = "Points cost and stock (omit stock for unlimited).")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RewardView.class)))
    @Extension(name = CreatedLocation.EXTENSION, value = "The new resource, through the gateway")
    public Response create(@PathParam("programmeId") UUID programmeId, @Valid @NotNull RewardCreate body) {
        Reward r = rewards.create(programmeId, body.command());
        return Response.created(URI.create("/api/v1/loyalty/rewards/" + r.id))
                .entity(RewardView.of(r))
                .build();
    }

    @GET
    @Path("/programmes/{programmeId}/rewards")
    @Operation(summary = "The rewards catalogue of a programme", description = "Ordered by points cost, then name.")
    public List<RewardView> list(@PathParam("programmeId") UUID programmeId) {
        ProgrammeService.require(programmeId);
        return Reward.<Reward>list("programmeId = ?1 order by pointsCost, name, id", programmeId).stream()
                .map(RewardView::of)
                .toList();
    }

    @GET
    @Path("/rewards/{id}")
    @Operation(summary = "Read a reward", description = "With its current stock.")
    public RewardView get(@PathParam("id") UUID id) {
        Reward r = Reward.findById(id);
        if (r == null) {
            throw io.rapport.platform.rest.ProblemException.notFound("reward", id);
        }
        return RewardView.of(r);
    }

    @Allow(Roles.MARKETING)
    @POST
    @Path("/rewards/{id}/redemptions")
    @Operation(summary = "Redeem a reward")
    @APIResponse(
            responseCode = "201",
            description = "Redeemed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RedemptionView.class)))
    @Extension(name = CreatedLocation.EXTENSION, value = "The new resource, through the gateway")
    public Response redeem(
            @PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String key, @Valid @NotNull RewardRedeem body) {
        RewardService.Redeemed r = rewards.redeem(id, body.memberId(), key);
        return Response.created(URI.create("/api/v1/loyalty/rewards/" + id + "/redemptions/" + r.redemption().id))
                .entity(RedemptionView.of(r.redemption(), r.balance()))
                .build();
    }
}
