package io.rapport.loyalty.rest;

import io.rapport.loyalty.rest.PartnerLinkDtos.CodeRequest;
import io.rapport.loyalty.rest.PartnerLinkDtos.CodeView;
import io.rapport.loyalty.rest.PartnerLinkDtos.LinkRequest;
import io.rapport.loyalty.rest.PartnerLinkDtos.LinkView;
import io.rapport.loyalty.service.PartnerLinkService;
import io.rapport.loyalty.service.RedemptionCodeService;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.Caller;
import io.rapport.platform.rest.openapi.CreatedLocation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

/**
 * The member's side of partner redemption: consent to a partner (link, revoke, history) and the one-time codes the
 * member shows at the partner. Staff and member channels only: a partner system is refused here (403) even if it reached
 * the service, and so is any role but admin, sales and support (the {@link Allow} rule below, enforced by the platform).
 */
@Allow({Roles.SALES, Roles.SUPPORT})
@Path("/api/v1/loyalty")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Partner consent", description = "A member's links to partners and one-time redemption codes")
public class MemberPartnerResource {
    private final PartnerLinkService links;
    private final RedemptionCodeService codes;
    private final Caller caller;

    public MemberPartnerResource(PartnerLinkService links, RedemptionCodeService codes, Caller caller) {
        this.links = links;
        this.codes = codes;
        this.caller = caller;
    }

    @POST
    @Path("/members/{id}/partner-links")
    @Operation(summary = "Record the member's consent to a partner")
    @APIResponse(
            responseCode = "201",
            description = "Linked",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LinkView.class)))
    @Extension(name = CreatedLocation.EXTENSION, value = "The new resource, through the gateway")
    @APIResponse(
            responseCode = "200",
            description = "Already linked: the active link",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LinkView.class)))
    public Response link(@PathParam("id") UUID id, @Valid @NotNull LinkRequest body) {
        PartnerLinkService.Linked l = links.link(id, body.partnerId(), body.source(), caller.label());
        LinkView view = LinkView.of(l.link());
        return l.created()
                ? Response.created(URI.create("/api/v1/loyalty/members/" + id + "/partner-links/" + body.partnerId()))
                        .entity(view)
                        .build()
                : Response.ok(view).build();
    }

    @GET
    @Path("/members/{id}/partner-links")
    @Operation(summary = "The member's partner links", description = "Active and revoked, newest consent first.")
    public List<LinkView> history(@PathParam("id") UUID id) {
        return links.history(id).stream().map(LinkView::of).toList();
    }

    @DELETE
    @Path("/members/{id}/partner-links/{partnerId}")
    @Operation(summary = "Revoke the member's consent to a partner")
    public LinkView revoke(@PathParam("id") UUID id, @PathParam("partnerId") UUID partnerId) {
        return LinkView.of(links.revoke(id, partnerId, caller.label()));
    }

    @POST
    @Path("/members/{id}/redemption-codes")
    @Operation(summary = "Issue a one-time redemption code")
    @APIResponse(
            responseCode = "201",
            description = "The code, shown once",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CodeView.class)))
    @APIResponse(responseCode = "422", description = "maxPoints out of range, member not active or partner not linked")
    public Response code(@PathParam("id") UUID id, @Valid @NotNull CodeRequest body) {
        RedemptionCodeService.Issued issued = codes.issue(id, body.partnerId(), body.maxPoints(), caller.label());
        return Response.status(201)
                .entity(CodeView.of(issued.stored(), issued.code(), issued.member()))
                .build();
    }
}
