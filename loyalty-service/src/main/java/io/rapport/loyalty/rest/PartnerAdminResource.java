package io.rapport.loyalty.rest;

import io.rapport.loyalty.domain.Partner;
import io.rapport.loyalty.rest.PartnerDtos.PartnerCreate;
import io.rapport.loyalty.rest.PartnerDtos.PartnerView;
import io.rapport.loyalty.rest.PartnerDtos.Settlement;
import io.rapport.loyalty.service.PartnerService;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.ProblemException;
import io.rapport.platform.rest.openapi.CreatedLocation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Back-office management of alliance partners. */
@Allow(Roles.MARKETING)
@Path("/api/v1/loyalty")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Partners", description = "Alliance partners and their settlement")
public class PartnerAdminResource {
    private final PartnerService partners;

    public PartnerAdminResource(PartnerService partners) {
        this.partners = partners;
    }

    @POST
    @Path("/partners")
    @Operation(summary = "Register an alliance partner")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PartnerView.class)))
    @Extension(name = CreatedLocation.EXTENSION, value = "The new resource, through the gateway")
    public Response create(@Valid @NotNull PartnerCreate body) {
        Partner p = partners.create(body.command());
        return Response.created(URI.create("/api/v1/loyalty/partners/" + p.id))
                .entity(PartnerView.of(p))
                .build();
    }

    @GET
    @Path("/partners")
    @Operation(summary = "List partners", description = "Ordered by name.")
    public List<PartnerView> list() {
        return Partner.<Partner>list("order by name, id").stream()
                .map(PartnerView::of)
                .toList();
    }

    @GET
    @Path("/partners/{id}")
    @Operation(summary = "Read a partner", description = "Unknown: 404.")
    public PartnerView get(@PathParam("id") UUID id) {
        Partner p = Partner.findById(id);
        if (p == null) {
            throw ProblemException.notFound("partner", id);
        }
        return PartnerView.of(p);
    }

    @GET
    @Path("/partners/{id}/settlement")
    @Operation(summary = "Settlement of a partner for a period")
    public Settlement settlement(
            @PathParam("id") UUID id, @QueryParam("from") String from, @QueryParam("to") String to) {
        return Settlement.of(partners.settlement(id, instant("from", from), instant("to", to)));
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(name, "is required (ISO-8601 instant)");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "is not an ISO-8601 instant");
        }
    }
}
