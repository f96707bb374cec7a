package io.rapport.loyalty.rest;

import io.rapport.loyalty.domain.MemberEvent;
import io.rapport.loyalty.domain.Tier;
import io.rapport.loyalty.rest.MemberEventDtos.EventCreate;
import io.rapport.loyalty.rest.MemberEventDtos.EventView;
import io.rapport.loyalty.rest.MemberEventDtos.InviteRequest;
import io.rapport.loyalty.rest.MemberEventDtos.InviteResult;
import io.rapport.loyalty.rest.MemberEventDtos.Rsvp;
import io.rapport.loyalty.rest.MemberEventDtos.RsvpResult;
import io.rapport.loyalty.service.MemberEventService;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.ProblemException;
import io.rapport.platform.rest.openapi.CreatedLocation;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
@Tag(name = "Member events", description = "Club events with capacity, invitations and RSVPs")
public class MemberEventResource {
    private final MemberEventService events;
    private final EntityManager em;

    public MemberEventResource(MemberEventService events, EntityManager em) {
        this.events = events;
        this.em = em;
    }

    @Allow(Roles.MARKETING)
    @POST
    @Path("/programmes/{programmeId}/events")
    @Operation(
            summary = "Create a club event",
            description = "With a capacity and an optional minimum tier for invitations.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EventView.class)))
    @Extension(name = CreatedLocation.EXTENSION, value = "The new resource, through the gateway")
    public Response create(@PathParam("programmeId") UUID programmeId, @Valid @NotNull EventCreate body) {
        Integer minRank = null;
        if (body.minTier() != null) {
            Tier t = Tier.find("programmeId = ?1 and code = ?2", programmeId, body.minTier())
                    .firstResult();
            if (t == null) {
                throw ProblemException.unprocessable(
                        "unknown-tier", "minTier", "the programme has no tier " + body.minTier());
            }
            minRank = t.rank;
        }
        MemberEvent e = events.create(programmeId, body.command(), minRank);
        return Response.created(URI.create("/api/v1/loyalty/events/" + e.id))
                .entity(EventView.of(e, 0))
                .build();
    }

    @GET
    @Path("/events/{id}")
    @Operation(summary = "Read a club event", description = "With the number of invitations and of accepted seats.")
    public EventView get(@PathParam("id") UUID id) {
        MemberEvent e = MemberEventService.require(id);
        long invited = ((Number) em.createNativeQuery("select count(*) from event_invitation where event_id = ?1")
                        .setParameter(1, id)
                        .getSingleResult())
                .longValue();
        return EventView.of(e, invited);
    }

    @Allow(Roles.MARKETING)
    @POST
    @Path("/events/{id}/invitations")
    @Operation(
            summary = "Invite members",
            description = "The listed members, or every eligible active member; re-inviting changes nothing.")
    public InviteResult invite(@PathParam("id") UUID id, @Valid InviteRequest body) {
        return new InviteResult(events.invite(id, body == null ? null : body.memberIds()));
    }

    @Allow(Roles.MARKETING)
    @POST
    @Path("/events/{id}/rsvp")
    @Operation(
            summary = "Answer an invitation",
            description = "ACCEPT takes a seat (422 when the event is full), DECLINE frees it."
                    + " Without an invitation: 404.")
    public RsvpResult rsvp(@PathParam("id") UUID id, @Valid @NotNull Rsvp body) {
        return new RsvpResult(
                body.memberId().toString(), events.rsvp(id, body.memberId(), "ACCEPT".equals(body.response())));
    }
}
