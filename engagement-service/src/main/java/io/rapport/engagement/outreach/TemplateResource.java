package io.rapport.engagement.outreach;

import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.Purpose;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.Caller;
import io.rapport.platform.rest.ETags;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/engagement/message-templates")
@Tag(
        name = "Message templates",
        description = "Qute templates of automated e-mails and SMS, per channel, purpose and language")
public class TemplateResource {
    private final TemplateService templates;
    private final TemplatePreview preview;
    private final Caller caller;

    public TemplateResource(TemplateService templates, TemplatePreview preview, Caller caller) {
        this.templates = templates;
        this.preview = preview;
        this.caller = caller;
    }

    @Schema(
            description =
                    "A message template (Qute). Variables: customer.salutation, customer.name, customer.givenName,"
                            + " customer.familyName, customer.language, preferences[].category/key/value, loyalty.member, loyalty.balance,"
                            + " loyalty.tier, recommendations[].item/because, unsubscribeUrl",
            examples = """
            {"id":"00000000-0000-4000-8000-000000000702","channel":"EMAIL","purpose":"SATISFACTION_CHECK","language":"en","subject":"{customer.salutation}, how is your purchase?","body":"{customer.salutation},\\n\\ndoes it meet your expectations?\\n\\nStop: {unsubscribeUrl}","version":0,"createdBy":"system","createdAt":"2026-12-05T13:00:00Z","updatedAt":"2026-12-05T13:00:00Z"}""")
    public record TemplateView(
            UUID id,
            Channel channel,

            @Schema(description = "null: for every purpose without a template of its own")
            Purpose purpose,

            String language,

            @Schema(description = "e-mail subject (Qute); null for SMS")
            String subject,

            String body,
            long version,
            String createdBy,
            Instant createdAt,
            Instant updatedAt) {
        static TemplateView of(MessageTemplate t) {
            return new TemplateView(
                    t.id,
                    t.channel,
                    t.purpose,
                    t.language,
                    t.subject,
                    t.body,
                    t.version,
                    t.createdBy,
                    t.createdAt,
                    t.updatedAt);
        }
    }

    @Schema(examples = """
            {"channel":"EMAIL","purpose":"CHECK_IN","language":"de","subject":"{customer.salutation}, wie geht es?","body":"{customer.salutation},\\n\\nwir denken an Sie.\\n\\nAbmelden: {unsubscribeUrl}"}""")
    public record TemplateInput(
            @NotNull Channel channel,
            Purpose purpose,
            @NotNull @Size(min = 2, max = 16) String language,
            @Size(max = 300) String subject,
            @NotNull @Size(min = 1, max = 20000) String body) {}

    @Schema(examples = """
            {"subject":"{customer.salutation}, how is your purchase?","body":"{customer.salutation},\\n\\ndoes it meet your expectations?\\n\\nStop: {unsubscribeUrl}"}""")
    public record TemplateChange(
            @Size(max = 300) String subject,
            @NotNull @Size(min = 1, max = 20000) String body) {}

    @Schema(examples = """
            {"customerId":"3f1c2b9e-8a52-4d7e-9f1a-0c6b1d2e3f40"}""")
    public record PreviewInput(@NotNull UUID customerId) {}

    @Allow({Roles.MARKETING, Roles.SALES, Roles.SUPPORT})
    @GET
    @Operation(operationId = "listMessageTemplates", summary = "List message templates")
    public Page<TemplateView> list(@QueryParam("channel") Channel channel, @BeanParam PageRequest page) {
        return templates.list(channel, page).map(TemplateView::of);
    }

    @Allow({Roles.MARKETING, Roles.SALES, Roles.SUPPORT})
    @GET
    @Path("/{id}")
    @Operation(operationId = "getMessageTemplate", summary = "Read a message template")
    @APIResponse(
            responseCode = "200",
            description = "The template (ETag: its version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TemplateView.class)))
    public Response get(@PathParam("id") UUID id) {
        MessageTemplate t = templates.get(id);
        return Response.ok(TemplateView.of(t))
                .header("ETag", ETags.of(t.version))
                .build();
    }

    @Allow(Roles.MARKETING)
    @POST
    @Operation(operationId = "createMessageTemplate", summary = "Add a message template")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TemplateView.class)))
    public Response create(@Valid @NotNull TemplateInput in) {
        MessageTemplate t =
                templates.create(in.channel(), in.purpose(), in.language(), in.subject(), in.body(), caller.subject());
        return Response.created(URI.create("/api/v1/engagement/message-templates/" + t.id))
                .entity(TemplateView.of(t))
                .header("ETag", ETags.of(t.version))
                .build();
    }

    @Allow(Roles.MARKETING)
    @PUT
    @Path("/{id}")
    @Operation(operationId = "updateMessageTemplate", summary = "Change a message template's subject and body")
    @APIResponse(
            responseCode = "200",
            description = "The changed template",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TemplateView.class)))
    public Response update(
            @PathParam("id") UUID id, @Valid @NotNull TemplateChange in, @HeaderParam("If-Match") String ifMatch) {
        MessageTemplate current = templates.get(id);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(
                    428,
                    "precondition-required",
                    "Precondition required",
                    "send If-Match with the template's ETag",
                    null,
                    null);
        }
        ETags.check(ifMatch, current.version);
        MessageTemplate t = templates.update(id, current.version, in.subject(), in.body());
        return Response.ok(TemplateView.of(t))
                .header("ETag", ETags.of(t.version))
                .build();
    }

    @Allow(Roles.MARKETING)
    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteMessageTemplate", summary = "Delete a message template")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id) {
        templates.delete(id);
        return Response.noContent().build();
    }

    @Allow(Roles.MARKETING)
    @POST
    @Path("/{id}/preview")
    @Operation(operationId = "previewMessageTemplate", summary = "Render a template for a customer")
    @APIResponse(
            responseCode = "200",
            description = "The rendered message",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = TemplatePreview.PreviewView.class)))
    public TemplatePreview.PreviewView preview(@PathParam("id") UUID id, @Valid @NotNull PreviewInput in) {
        return preview.render(templates.get(id), in.customerId());
    }
}
