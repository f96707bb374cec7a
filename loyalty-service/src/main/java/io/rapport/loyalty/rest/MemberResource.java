package io.rapport.loyalty.rest;

import io.quarkus.panache.common.Sort;
import io.rapport.loyalty.domain.LedgerEntry;
import io.rapport.loyalty.domain.Member;
import io.rapport.loyalty.domain.TierChange;
import io.rapport.loyalty.expiry.PointsExpiry;
import io.rapport.loyalty.rest.MemberDtos.AdjustRequest;
import io.rapport.loyalty.rest.MemberDtos.BookingView;
import io.rapport.loyalty.rest.MemberDtos.EnrolRequest;
import io.rapport.loyalty.rest.MemberDtos.EntryView;
import io.rapport.loyalty.rest.MemberDtos.LeaveRequest;
import io.rapport.loyalty.rest.MemberDtos.MemberView;
import io.rapport.loyalty.rest.MemberDtos.RedeemRequest;
import io.rapport.loyalty.rest.MemberDtos.TierChangeView;
import io.rapport.loyalty.service.MembershipService;
import io.rapport.loyalty.service.PointsService;
import io.rapport.loyalty.service.ProgrammeService;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.ProblemException;
import io.rapport.platform.rest.openapi.CreatedLocation;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Allow({Roles.SALES, Roles.MARKETING})
@Path("/api/v1/loyalty")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Members", description = "Memberships, the points ledger, redemptions and tier history")
public class MemberResource {
    private final MembershipService memberships;
    private final PointsService points;
    private final PointsExpiry expiry;
    private final java.time.Clock clock;

    public MemberResource(
            MembershipService memberships, PointsService points, PointsExpiry expiry, java.time.Clock clock) {
        this.memberships = memberships;
        this.points = points;
        this.expiry = expiry;
        this.clock = clock;
    }

    @Allow(Roles.MARKETING)
    @POST
    @Path("/programmes/{programmeId}/members")
    @Operation(summary = "Enrol a customer")
    @APIResponse(
            responseCode = "201",
            description = "Enrolled",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberView.class)))
    @Extension(name = CreatedLocation.EXTENSION, value = "The new resource, through the gateway")
    @APIResponse(
            responseCode = "200",
            description = "Already a member: the membership",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberView.class)))
    public Response enrol(@PathParam("programmeId") UUID programmeId, @Valid @NotNull EnrolRequest body) {
        MembershipService.Enrolment e = memberships.enrol(programmeId, body.customerId(), "MANUAL");
        MemberView view = MemberView.of(e.member());
        return e.created()
                ? Response.created(URI.create("/api/v1/loyalty/members/" + e.member().id))
                        .entity(view)
                        .build()
                : Response.ok(view).build();
    }

    @GET
    @Path("/programmes/{programmeId}/members")
    @Operation(summary = "List the members of a programme")
    public Page<MemberView> list(
            @PathParam("programmeId") UUID programmeId,
            @BeanParam PageRequest page,
            @Parameter(
                            description = "only this customer's membership",
                            example = "3f1c2b9e-8a52-4d7e-9f1a-0c6b1d2e3f40")
                    @QueryParam("customerId")
                    UUID customerId) {
        ProgrammeService.require(programmeId);
        PageRequest.Sort s = page.validate(Set.of("enrolledAt", "memberNumber", "pointsBalance"), "memberNumber");
        Sort sort = Sort.by(s.field(), s.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending)
                .and("id");
        var q = customerId == null
                ? Member.<Member>find("programmeId", sort, programmeId)
                : Member.<Member>find("programmeId = ?1 and customerId = ?2", sort, programmeId, customerId);
        List<Member> members = q.page(page.page, page.size).list();
        Map<UUID, Long> due =
                expiry.dueButNotBooked(members.stream().map(m -> m.id).toList(), clock.instant());
        return Page.of(
                members.stream()
                        .map(m -> MemberView.of(m, PointsExpiry.spendable(m, due)))
                        .toList(),
                page,
                q.count());
    }

    @GET
    @Path("/members/{id}")
    @Operation(summary = "Read a membership")
    public MemberView get(@PathParam("id") UUID id) {
        Member m = require(id);
        return MemberView.of(m, PointsExpiry.spendable(m, expiry.dueButNotBooked(List.of(m.id), clock.instant())));
    }

    @Allow(Roles.MARKETING)
    @POST
    @Path("/members/{id}/leave")
    @Operation(
            summary = "Leave the programme",
            description = "The ledger and the balance are kept; enrolling again reactivates.")
    public MemberView leave(@PathParam("id") UUID id, @Valid LeaveRequest body) {
        return MemberView.of(memberships.leave(id, body == null ? null : body.reason()));
    }

    @GET
    @Path("/members/{id}/ledger")
    @Operation(
            summary = "The member's points ledger",
            description = "Append-only entries, newest first, each with its reason and source.")
    public Page<EntryView> ledger(@PathParam("id") UUID id, @BeanParam PageRequest page) {
        require(id);
        PageRequest.Sort s = page.validate(Set.of("occurredAt", "createdAt"), "createdAt,desc");
        var q = LedgerEntry.<LedgerEntry>find(
                "memberId",
                Sort.by(s.field(), s.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending)
                        .and("id"),
                id);
        return Page.of(
                q.page(page.page, page.size).list().stream().map(EntryView::of).toList(), page, q.count());
    }

    @GET
    @Path("/members/{id}/tier-history")
    @Operation(
            summary = "The member's tier history",
            description = "Every tier the member held, oldest first, with the reason.")
    public List<TierChangeView> tierHistory(@PathParam("id") UUID id) {
        require(id);
        return TierChange.<TierChange>list("memberId = ?1 order by changedAt, id", id).stream()
                .map(TierChangeView::of)
                .toList();
    }

    @Allow(Roles.MARKETING)
    @POST
    @Path("/members/{id}/redemptions")
    @Operation(summary = "Redeem points")
    @APIResponse(
            responseCode = "201",
            description = "Redeemed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BookingView.class)))
    @APIResponse(
            responseCode = "200",
            description = "A replay with the same Idempotency-Key: the first result",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BookingView.class)))
    public Response redeem(
            @PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String key, @Valid @NotNull RedeemRequest body) {
        PointsService.Booked b = points.redeem(id, body.points(), body.reason(), key);
        return Response.status(b.replay() ? 200 : 201)
                .entity(new BookingView(EntryView.of(b.entry()), b.balance()))
                .build();
    }

    @Allow(Roles.MARKETING)
    @POST
    @Path("/members/{id}/adjustments")
    @Operation(summary = "Adjust points", description = "A signed manual correction with a reason (ADJUST entry).")
    @APIResponse(
            responseCode = "201",
            description = "Adjusted",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BookingView.class)))
    @APIResponse(
            responseCode = "200",
            description = "A replay with the same Idempotency-Key: the first result",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BookingView.class)))
    public Response adjust(
            @PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String key, @Valid @NotNull AdjustRequest body) {
        PointsService.Booked b = points.adjust(id, body.points(), body.reason(), key);
        return Response.status(b.replay() ? 200 : 201)
                .entity(new BookingView(EntryView.of(b.entry()), b.balance()))
                .build();
    }

    static Member require(UUID id) {
        Member m = Member.findById(id);
        if (m == null) {
            throw ProblemException.notFound("member", id);
        }
        return m;
    }
}
