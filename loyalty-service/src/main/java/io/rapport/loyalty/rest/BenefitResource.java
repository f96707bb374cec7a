package io.rapport.loyalty.rest;

import io.rapport.loyalty.domain.Benefit;
import io.rapport.loyalty.rest.BenefitDtos.BenefitCreate;
import io.rapport.loyalty.rest.BenefitDtos.BenefitView;
import io.rapport.loyalty.rest.BenefitDtos.QuoteRequest;
import io.rapport.loyalty.rest.BenefitDtos.QuoteView;
import io.rapport.loyalty.service.BenefitService;
import io.rapport.loyalty.service.ProgrammeService;
import io.rapport.loyalty.service.QuoteService;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.openapi.CreatedLocation;
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
@Tag(name = "Benefits", description = "Member benefits and basket quotes")
public class BenefitResource {
    private final BenefitService benefits;
    private final QuoteService quotes;

    public BenefitResource(BenefitService benefits, QuoteService quotes) {
        this.benefits = benefits;
        this.quotes = quotes;
    }

    @Allow(Roles.MARKETING)
    @POST
    @Path("/programmes/{programmeId}/benefits")
    @Operation(summary = "Add a benefit")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BenefitView.class)))
    @Extension(name = CreatedLocation.EXTENSION, value = "The new resource, through the gateway")
    public Response create(@PathParam("programmeId") UUID programmeId, @Valid @NotNull BenefitCreate body) {
        Benefit b = benefits.create(programmeId, body.command());
        return Response.created(URI.create("/api/v1/loyalty/programmes/" + programmeId + "/benefits/" + b.id))
                .entity(BenefitView.of(b))
                .build();
    }

    @GET
    @Path("/programmes/{programmeId}/benefits")
    @Operation(summary = "List the benefits of a programme", description = "Ordered by kind, then name.")
    public List<BenefitView> list(@PathParam("programmeId") UUID programmeId) {
        ProgrammeService.require(programmeId);
        return Benefit.<Benefit>list("programmeId = ?1 order by kind, name, id", programmeId).stream()
                .map(BenefitView::of)
                .toList();
    }

    @POST
    @Path("/programmes/{programmeId}/quotes")
    @Operation(summary = "Quote a basket for a member")
    public QuoteView quote(@PathParam("programmeId") UUID programmeId, @Valid @NotNull QuoteRequest body) {
        return QuoteView.of(quotes.quote(programmeId, body.customerId(), body.currency(), body.basket()));
    }
}
