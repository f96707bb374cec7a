package io.rapport.loyalty.rest;

import io.quarkus.panache.common.Sort;
import io.rapport.loyalty.domain.LedgerEntry;
import io.rapport.loyalty.domain.Member;
import io.rapport.loyalty.domain.Partner;
import io.rapport.loyalty.rest.PartnerDtos.PartnerBurn;
import io.rapport.loyalty.rest.PartnerDtos.PartnerEarn;
import io.rapport.loyalty.rest.PartnerDtos.PartnerTransaction;
import io.rapport.loyalty.service.PartnerService;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What alliance partners call through the gateway, which authenticates them and sets X-Rapport-Partner-Id. */
@Path("/api/v1/loyalty")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Partner API", description = "Earn and burn for members, and the partner's own transactions")
public class PartnerResource {
    static final String PARTNER_HEADER = "X-Rapport-Partner-Id";

    private final PartnerService partners;

    public PartnerResource(PartnerService partners) {
        this.partners = partners;
    }

    @POST
    @Path("/partner/earn")
    @Operation(summary = "Credit points for spend at the partner", description = "Programme rate x the member's tier multiplier,"
            + " rounded down. The reference is unique per partner: resending it returns the first booking (200).")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "201",
            description = "Booked",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = PartnerTransaction.class)))
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200",
            description = "A replay of the same partner reference: the first result",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = PartnerTransaction.class)))
    public Response earn(@HeaderParam(PARTNER_HEADER) String partnerId, @Valid @NotNull PartnerEarn body) {
        PartnerService.Booked b = partners.earn(partnerId, body);
        return Response.status(b.replay() ? 200 : 201).entity(view(b.entry(), b.member().memberNumber)).build();
    }

    @POST
    @Path("/partner/burn")
    @Operation(summary = "Debit points spent at the partner", description = "More than the balance: 422, nothing changes.")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "201",
            description = "Booked",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = PartnerTransaction.class)))
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200",
            description = "A replay of the same partner reference: the first result",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = PartnerTransaction.class)))
    public Response burn(@HeaderParam(PARTNER_HEADER) String partnerId, @Valid @NotNull PartnerBurn body) {
        PartnerService.Booked b = partners.burn(partnerId, body);
        return Response.status(b.replay() ? 200 : 201).entity(view(b.entry(), b.member().memberNumber)).build();
    }

    @GET
    @Path("/partner/transactions")
    @Operation(summary = "The partner's own transactions", description = "Only entries this partner booked, newest first.")
    public Page<PartnerTransaction> list(@HeaderParam(PARTNER_HEADER) String partnerId, @BeanParam PageRequest page) {
        Partner p = partners.caller(partnerId);
        PageRequest.Sort s = page.validate(Set.of("occurredAt"), "occurredAt,desc");
        var q = LedgerEntry.<LedgerEntry>find("partnerId", Sort.by(s.field(), s.descending() ? Sort.Direction.Descending
                : Sort.Direction.Ascending).and("id"), p.id);
        return Page.of(q.page(page.page, page.size).list().stream().map(e -> view(e, memberNumber(e.memberId))).toList(), page,
                q.count());
    }

    @GET
    @Path("/partner/transactions/{id}")
    @Operation(summary = "One of the partner's own transactions", description = "Another partner's transaction is 404.")
    public PartnerTransaction get(@HeaderParam(PARTNER_HEADER) String partnerId, @PathParam("id") UUID id) {
        LedgerEntry e = partners.transaction(partnerId, id);
        return view(e, memberNumber(e.memberId));
    }

    private static String memberNumber(UUID memberId) {
        Member m = Member.findById(memberId);
        return m == null ? null : m.memberNumber;
    }

    static PartnerTransaction view(LedgerEntry e, String memberNumber) {
        String ref = e.sourceKey.substring(e.sourceKey.indexOf(':', "partner:".length()) + 1);
        return new PartnerTransaction(e.id.toString(), memberNumber, e.kind == LedgerEntry.Kind.EARN ? "EARN" : "BURN", e.points,
                e.spend == null ? null : e.spend.toPlainString(), ref, e.reason, e.occurredAt);
    }
}
