package io.rapport.engagement.rest;

import io.rapport.engagement.domain.Interaction;
import io.rapport.engagement.service.InteractionService;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.Caller;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/engagement/interactions")
@Tag(name = "Interactions", description = "The log of every inbound and outbound interaction")
public class InteractionResource {
    private final InteractionService interactions;

    private final Caller caller;

    public InteractionResource(InteractionService interactions, Caller caller) {
        this.caller = caller;
        this.interactions = interactions;
    }

    @Schema(examples = """
            {"customerId":"3f1c2b9e-8a52-4d7e-9f1a-0c6b1d2e3f40","direction":"INBOUND","kind":"CALL",
             "occurredAt":"2026-05-04T10:15:00Z","outcome":"QUOTE_REQUESTED","notes":"wants 20 more units",
             "opportunity":true,"estimatedValue":"2400.00","currency":"EUR"}""")
    public record LogBody(
            @NotNull UUID customerId,
            @NotNull @Pattern(regexp = "INBOUND|OUTBOUND") String direction,

            @NotNull @Pattern(regexp = "CALL|EMAIL|SMS|VISIT|MEETING")
            String kind,

            Instant occurredAt,
            @Size(max = 100) String outcome,
            @Size(max = 4000) String notes,
            boolean opportunity,
            @DecimalMin("0") BigDecimal estimatedValue,
            @Pattern(regexp = "[A-Z]{3}") String currency) {}

    public record InteractionView(
            UUID id,
            UUID customerId,
            String direction,
            String kind,
            Instant occurredAt,
            String outcome,
            String notes,
            boolean opportunity,
            BigDecimal estimatedValue,
            String currency,
            UUID contactId,
            String recordedBy) {
        static InteractionView of(Interaction i) {
            return new InteractionView(
                    i.id,
                    i.customerId,
                    i.direction,
                    i.kind,
                    i.occurredAt,
                    i.outcome,
                    i.notes,
                    i.opportunity,
                    i.estimatedValue,
                    i.currency,
                    i.contactId,
                    i.recordedBy);
        }
    }

    @Allow({Roles.SALES, Roles.SUPPORT})
    @POST
    @Operation(summary = "Log an interaction")
    @APIResponse(
            responseCode = "201",
            description = "Logged",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = InteractionView.class)))
    public Response log(@Valid @NotNull LogBody b) {
        Interaction i = interactions.log(
                b.customerId(),
                b.direction(),
                b.kind(),
                b.occurredAt(),
                b.outcome(),
                b.notes(),
                b.opportunity(),
                b.estimatedValue(),
                b.currency(),
                caller.subject());
        return Response.status(201).entity(InteractionView.of(i)).build();
    }

    @Allow({Roles.SALES, Roles.MARKETING, Roles.SUPPORT})
    @GET
    @Operation(summary = "A customer's interactions")
    @Parameter(
            name = "customerId",
            in = ParameterIn.QUERY,
            required = true,
            description = "The customer",
            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    public Page<InteractionView> list(@QueryParam("customerId") UUID customerId, @BeanParam PageRequest page) {
        if (customerId == null) {
            throw ProblemException.invalid("customerId", "is required");
        }
        return interactions.byCustomer(customerId, page).map(InteractionView::of);
    }
}
