package io.rapport.loyalty.rest;

import io.rapport.loyalty.domain.Referral;
import io.rapport.loyalty.service.ReferralService;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Allow({Roles.SALES, Roles.MARKETING})
@Path("/api/v1/loyalty")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals", description = "Member referral codes and referred newcomers")
public class ReferralResource {
    private final ReferralService referrals;

    public ReferralResource(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Schema(examples = "{\"referralCode\":\"K7QM2XPA9D\",\"customerId\":\"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\"}")
    public record ReferralRequest(
            @NotBlank String referralCode, @NotNull UUID customerId) {}

    /** {@code status}: PENDING, COMPLETED, REVERSED, REFUSED or NOT_QUALIFYING; {@code refusal} says why for the last two. */
    public record ReferralView(
            String id,
            String programmeId,
            String referrerMemberId,
            String newcomerCustomerId,

            @Schema(enumeration = {"PENDING", "COMPLETED", "REVERSED", "REFUSED", "NOT_QUALIFYING"})
            String status,

            String refusal,
            String purchaseId,
            Instant createdAt,
            Instant completedAt) {
        static ReferralView of(Referral r) {
            return new ReferralView(
                    r.id.toString(),
                    r.programmeId.toString(),
                    r.referrerMemberId.toString(),
                    r.newcomerCustomerId == null ? null : r.newcomerCustomerId.toString(),
                    r.status,
                    r.refusal,
                    r.purchaseId == null ? null : r.purchaseId.toString(),
                    r.createdAt,
                    r.completedAt);
        }
    }

    @Allow(Roles.MARKETING)
    @POST
    @Path("/referrals")
    @Operation(summary = "Link a customer to a referrer")
    @APIResponse(
            responseCode = "201",
            description = "Linked",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReferralView.class)))
    public Response link(@Valid @NotNull ReferralRequest body) {
        return Response.status(201)
                .entity(ReferralView.of(referrals.link(body.referralCode(), body.customerId(), true)))
                .build();
    }

    @GET
    @Path("/members/{id}/referrals")
    @Operation(summary = "Referrals made by a member", description = "Pending, completed and refused, oldest first.")
    public List<ReferralView> byReferrer(@PathParam("id") UUID memberId) {
        MemberResource.require(memberId);
        return Referral.<Referral>list("referrerMemberId = ?1 order by createdAt, id", memberId).stream()
                .map(ReferralView::of)
                .toList();
    }
}
