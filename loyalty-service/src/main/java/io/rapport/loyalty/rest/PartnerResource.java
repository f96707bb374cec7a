package io.rapport.loyalty.rest;

import io.quarkus.panache.common.Sort;
import io.rapport.loyalty.domain.LedgerEntry;
import io.rapport.loyalty.domain.Member;
import io.rapport.loyalty.domain.Partner;
import io.rapport.loyalty.rest.PartnerDtos.PartnerBurn;
import io.rapport.loyalty.rest.PartnerDtos.PartnerEarn;
import io.rapport.loyalty.rest.PartnerDtos.PartnerTransaction;
import io.rapport.loyalty.service.PartnerService;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.Caller;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What alliance partners call through the gateway with their API key (the partner is {@link Caller#partnerId()}).
 * Nothing here ever answers with a member's balance.
 */
@Allow(Roles.PARTNER)
@Path("/api/v1/loyalty")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Partner API",
        description = "Earn and burn for members who linked the partner, and the partner's own"
                + " transactions. Flow: the member links the partner (POST /members/{id}/partner-links, staff or member channel),"
                + " gets a one-time code for it (POST /members/{id}/redemption-codes) and shows it with the member number at the"
                + " till; the partner sends both to /partner/burn. See README, Partner redemption.")
public class PartnerResource {
    private final PartnerService partners;
    private final Caller caller;

    public PartnerResource(PartnerService partners, Caller caller) {
        this.partners = partners;
        this.caller = caller;
    }

    @POST
    @Path("/partner/earn")
    @Operation(summary = "Credit points for spend at the partner")
    @APIResponse(
            responseCode = "201",
            description = "Booked (no balance in the answer)",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = PartnerTransaction.class)))
    @APIResponse(responseCode = "403", description = "The member has not linked this partner, or the number is unknown")
    @APIResponse(responseCode = "422", description = "Amount out of range, or currency other than the programme's")
    public Response earn(@Valid @NotNull PartnerEarn body) {
        PartnerService.Booked b = partners.earn(caller, body.command());
        return Response.status(b.replay() ? 200 : 201)
                .entity(view(b.entry(), b.member().memberNumber))
                .build();
    }

    @POST
    @Path("/partner/burn")
    @Operation(summary = "Debit points the member spends at the partner, with the member's one-time code")
    @APIResponse(
            responseCode = "201",
            description = "Booked; the code is used up",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = PartnerTransaction.class)))
    @APIResponse(
            responseCode = "200",
            description = "A replay of a booked request: the first booking",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = PartnerTransaction.class)))
    @APIResponse(
            responseCode = "403",
            description = "redemption-refused: no consent or no valid code (nothing else is said)")
    @APIResponse(responseCode = "409", description = "The reference was used for another request")
    @APIResponse(
            responseCode = "422",
            description = "amount-out-of-range, limit-exceeded or insufficient-points, without figures")
    public Response burn(@Valid @NotNull PartnerBurn body) {
        PartnerService.Booked b = partners.burn(caller, body.command());
        return Response.status(b.replay() ? 200 : 201)
                .entity(view(b.entry(), b.member().memberNumber))
                .build();
    }

    @GET
    @Path("/partner/transactions")
    @Operation(
            summary = "The partner's own transactions",
            description = "Only entries this partner booked, newest first.")
    public Page<PartnerTransaction> list(@BeanParam PageRequest page) {
        Partner p = partners.caller(caller);
        PageRequest.Sort s = page.validate(Set.of("occurredAt"), "occurredAt,desc");
        var q = LedgerEntry.<LedgerEntry>find(
                "partnerId",
                Sort.by(s.field(), s.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending)
                        .and("id"),
                p.id);
        return Page.of(
                q.page(page.page, page.size).list().stream()
                        .map(e -> view(e, memberNumber(e.memberId)))
                        .toList(),
                page,
                q.count());
    }

    @GET
    @Path("/partner/transactions/{id}")
    @Operation(summary = "One of the partner's own transactions", description = "Another partner's transaction is 404.")
    public PartnerTransaction get(@PathParam("id") UUID id) {
        LedgerEntry e = partners.transaction(caller, id);
        return view(e, memberNumber(e.memberId));
    }

    private static String memberNumber(UUID memberId) {
        Member m = Member.findById(memberId);
        return m == null ? null : m.memberNumber;
    }

    static PartnerTransaction view(LedgerEntry e, String memberNumber) {
        return new PartnerTransaction(
                e.id.toString(),
                memberNumber,
                e.kind == LedgerEntry.Kind.EARN ? "EARN" : "BURN",
                e.points,
                e.spend == null ? null : e.spend.toPlainString(),
                PartnerService.reference(e),
                e.reason,
                e.occurredAt);
    }
}
