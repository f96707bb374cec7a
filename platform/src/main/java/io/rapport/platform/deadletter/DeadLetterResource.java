package io.rapport.platform.deadletter;

import io.rapport.platform.rest.Caller;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.ProblemException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The dead-letter admin API every service serves for its own consumers ({@code {service}} is the service's name, e.g.
 * loyalty; the gateway routes {@code /api/v1/admin/{service}/**} to it for role admin). Only callers with role admin.
 */
@Path("/api/v1/admin/{service}/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Dead letters",
        description =
                "Records a consumer of this service could never apply: list, redrive, discard." + " Role admin only.")
public class DeadLetterResource {
    static final String ADMIN = "admin";
    private static final Set<String> STATUSES = Set.of(DeadLetter.PENDING, DeadLetter.REDRIVEN, DeadLetter.DISCARDED);

    private final DeadLetterService service;
    private final Caller caller;
    private final String serviceName;

    public DeadLetterResource(
            DeadLetterService service, Caller caller, @ConfigProperty(name = "quarkus.application.name") String app) {
        this.service = service;
        this.caller = caller;
        this.serviceName = app.endsWith("-service") ? app.substring(0, app.length() - "-service".length()) : app;
    }

    /** Body of a redrive of many: {@code ids}, or a filter ({@code type}, {@code consumer}, {@code since}), or {@code all}. */
    @Schema(
            description =
                    "Which pending dead letters to redrive: ids, or a filter (type, consumer, since), or all=true")
    public record RedriveRequest(List<UUID> ids, String type, String consumer, Instant since, Boolean all) {}

    @Schema(description = "Why the dead letter is discarded (kept with who discarded it)")
    public record DiscardRequest(@Schema(required = true) String reason) {}

    @GET
    @Operation(
            summary = "List dead letters",
            description = "Paged, oldest failure first; filter by status, consumer and event type.")
    @APIResponse(responseCode = "200", description = "One page: {items, page, size, total}")
    @APIResponse(responseCode = "403", description = "The caller lacks role admin")
    public Page<DeadLetter> list(
            @PathParam("service") String service,
            @BeanParam PageRequest page,
            @QueryParam("status") @Parameter(description = "PENDING, REDRIVEN or DISCARDED") String status,
            @QueryParam("consumer") @Parameter(description = "Inbox consumer name, e.g. loyalty") String consumer,
            @QueryParam("type") @Parameter(description = "CloudEvents type, e.g. rapport.customer.purchase-recorded.v1")
                    String type) {
        check(service);
        page.validate(Set.of("firstFailedAt"), "firstFailedAt");
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.invalid("status", "one of " + STATUSES);
        }
        return this.service.list(new DeadLetterFilter(status, blank(consumer), blank(type), null), page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One dead letter")
    @APIResponse(responseCode = "404", description = "No such dead letter")
    public DeadLetter get(@PathParam("service") String service, @PathParam("id") UUID id) {
        check(service);
        return this.service.get(id);
    }

    @POST
    @Path("/{id}/redrive")
    @Operation(
            summary = "Redrive one dead letter",
            description = "Applies the stored record through the consumer's"
                    + " idempotent inbox and handler, as live consumption does: an event applied meanwhile has no second effect."
                    + " A redrive that fails again leaves it PENDING with the new error.")
    @APIResponse(responseCode = "200", description = "{redriven, applied, alreadyApplied, failed}")
    @APIResponse(responseCode = "404", description = "No such dead letter")
    @APIResponse(responseCode = "409", description = "Already redriven or discarded")
    public RedriveResult redriveOne(@PathParam("service") String service, @PathParam("id") UUID id) {
        check(service);
        return this.service.redrive(id, caller.subject());
    }

    @POST
    @Path("/redrive")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Redrive many dead letters",
            description = "The pending ones among ids, or those matching a"
                    + " filter (type, consumer, since: first failure at or after), or all of them; oldest first.")
    @APIResponse(responseCode = "200", description = "{redriven, applied, alreadyApplied, failed}")
    @APIResponse(responseCode = "400", description = "Neither ids, a filter nor all=true")
    public RedriveResult redriveMany(@PathParam("service") String service, RedriveRequest request) {
        check(service);
        if (request == null) {
            throw ProblemException.invalid("body", "give ids, a filter (type, consumer, since) or all=true");
        }
        if (request.ids() != null && !request.ids().isEmpty()) {
            return this.service.redrive(request.ids(), caller.subject());
        }
        boolean filtered =
                blank(request.type()) != null || blank(request.consumer()) != null || request.since() != null;
        if (!filtered && !Boolean.TRUE.equals(request.all())) {
            throw ProblemException.invalid("body", "give ids, a filter (type, consumer, since) or all=true");
        }
        return this.service.redrive(
                new DeadLetterFilter(null, blank(request.consumer()), blank(request.type()), request.since()),
                caller.subject());
    }

    @POST
    @Path("/{id}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Discard a dead letter",
            description = "Marks it DISCARDED for good, keeping the reason and who.")
    @APIResponse(responseCode = "200", description = "The dead letter")
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "409", description = "Already redriven or discarded")
    public DeadLetter discard(@PathParam("service") String service, @PathParam("id") UUID id, DiscardRequest request) {
        check(service);
        if (request == null || blank(request.reason()) == null) {
            throw ProblemException.invalid("reason", "required");
        }
        return this.service.discard(id, request.reason().trim(), caller.subject());
    }

    private void check(String service) {
        if (!caller.hasRole(ADMIN)) {
            throw new ProblemException(403, "forbidden", "Forbidden", "dead letters need role " + ADMIN, null, null);
        }
        if (!serviceName.equals(service)) {
            throw ProblemException.notFound("service", service);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
