package io.rapport.loyalty.rest;

import io.quarkus.panache.common.Sort;
import io.rapport.loyalty.domain.BonusRule;
import io.rapport.loyalty.domain.Programme;
import io.rapport.loyalty.domain.Tier;
import io.rapport.loyalty.rest.ProgrammeDtos.ProgrammeCreate;
import io.rapport.loyalty.rest.ProgrammeDtos.ProgrammeView;
import io.rapport.loyalty.rest.ProgrammeDtos.RulesUpdate;
import io.rapport.loyalty.service.ProgrammeService;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.ETags;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.openapi.CreatedLocation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;
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
@Tag(name = "Programmes", description = "Clubs with their rules, tiers and bonus multipliers")
public class ProgrammeResource {
    private final ProgrammeService programmes;

    public ProgrammeResource(ProgrammeService programmes) {
        this.programmes = programmes;
    }

    @Allow(Roles.MARKETING)
    @POST
    @Path("/programmes")
    @Operation(summary = "Create a programme")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProgrammeView.class)))
    @Extension(name = CreatedLocation.EXTENSION, value = "The new resource, through the gateway")
    public Response create(@Valid @NotNull ProgrammeCreate body) {
        Programme p = programmes.create(body.command());
        return Response.created(URI.create("/api/v1/loyalty/programmes/" + p.id))
                .tag(ETags.of(p.version).replace("\"", ""))
                .entity(view(p))
                .build();
    }

    @GET
    @Path("/programmes")
    @Operation(summary = "List programmes", description = "Paged, sortable by code, name or createdAt.")
    public Page<ProgrammeView> list(@BeanParam PageRequest page) {
        PageRequest.Sort s = page.validate(Set.of("code", "name", "createdAt"), "code");
        var query = Programme.<Programme>findAll(
                Sort.by(s.field(), s.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending)
                        .and("id"));
        return Page.of(
                query.page(page.page, page.size).list().stream()
                        .map(ProgrammeResource::view)
                        .toList(),
                page,
                query.count());
    }

    @GET
    @Path("/programmes/{id}")
    @Operation(summary = "Read a programme", description = "With its tiers and bonus rules; the ETag is its version.")
    @APIResponse(
            responseCode = "200",
            description = "The programme (ETag: its version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProgrammeView.class)))
    public Response get(@PathParam("id") UUID id) {
        Programme p = ProgrammeService.require(id);
        return Response.ok(view(p)).tag(ETags.of(p.version).replace("\"", "")).build();
    }

    @Allow(Roles.MARKETING)
    @PUT
    @Path("/programmes/{id}/rules")
    @Operation(summary = "Change the rules of a programme")
    @APIResponse(
            responseCode = "200",
            description = "The programme",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProgrammeView.class)))
    public Response update(
            @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull RulesUpdate body) {
        Programme p = programmes.update(id, ifMatch, body.name(), body.rules().command());
        return Response.ok(view(p)).tag(ETags.of(p.version).replace("\"", "")).build();
    }

    static ProgrammeView view(Programme p) {
        return ProgrammeView.of(p, Tier.of(p.id), BonusRule.list("programmeId = ?1 order by name, id", p.id));
    }
}
