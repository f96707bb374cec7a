package io.rapport.segmentation.rest;

import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.ProblemException;
import io.rapport.segmentation.domain.Scheme;
import io.rapport.segmentation.service.ClassChange;
import io.rapport.segmentation.service.ClassStat;
import io.rapport.segmentation.service.RunStore;
import io.rapport.segmentation.service.SegmentQueries;
import io.rapport.segmentation.service.Transition;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Transitions between classes over a period, and the relationship level recommended per class. */
@Allow({Roles.SALES, Roles.MARKETING})
@Path("/api/v1/segments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Class transitions and relationship levels")
public class ReportResource {
    private final SegmentQueries segments;
    private final RunStore runs;

    public ReportResource(SegmentQueries segments, RunStore runs) {
        this.segments = segments;
        this.runs = runs;
    }

    /** Transitions of one scheme in [from, to). */
    public record TransitionReport(String scheme, Instant from, Instant to, List<Transition> transitions) {
    }

    @GET
    @Path("transitions")
    @Operation(summary = "Class transitions in a period",
            description = "How many customers moved from each class to each other (e.g. MGC to MVC, A to B) with the change "
                    + "time in [from, to); defaults: the last 30 days. fromClass null = first classification.")
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(name = "scheme", in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.QUERY, required = true, description = "The classification scheme", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, enumeration = {"ABC", "VALUE"}))
    public TransitionReport transitions(@QueryParam("scheme") String scheme, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Scheme s = Params.scheme(scheme);
        Instant end = Params.instant("to", to, Instant.now());
        Instant start = Params.instant("from", from, end.minus(Duration.ofDays(30)));
        checkPeriod(start, end);
        return new TransitionReport(s.name(), start, end, segments.transitions(s, start, end));
    }

    @GET
    @Path("transitions/customers")
    @Operation(summary = "The customers of one transition in a period", description = "Omit fromClass for first classifications.")
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(name = "scheme", in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.QUERY, required = true, description = "The classification scheme", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, enumeration = {"ABC", "VALUE"}))
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(name = "toClass", in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.QUERY, required = true, description = "The class moved to")
    public Page<ClassChange> transitionCustomers(@QueryParam("scheme") String scheme, @QueryParam("fromClass") String fromClass,
            @QueryParam("toClass") String toClass, @QueryParam("from") String from, @QueryParam("to") String to,
            @BeanParam PageRequest page) {
        Scheme s = Params.scheme(scheme);
        if (toClass == null || toClass.isBlank()) {
            throw ProblemException.invalid("toClass", "is required");
        }
        page.validate(Set.of("changedAt"), "changedAt,desc");
        Instant end = Params.instant("to", to, Instant.now());
        Instant start = Params.instant("from", from, end.minus(Duration.ofDays(30)));
        checkPeriod(start, end);
        return Page.of(segments.transitionChanges(s, fromClass, toClass, start, end, page), page,
                segments.countTransitionChanges(s, fromClass, toClass, start, end));
    }

    /** Recommended relationship levels per class, from the latest run of a scheme. */
    public record LevelReport(String scheme, UUID runId, Instant computedAt, long customers, List<ClassStat> classes) {
    }

    @GET
    @Path("levels")
    @Operation(summary = "Relationship level recommended for each class",
            description = "Kotler's matrix applied to the latest run: class size (share of customers: many/medium/few) and "
                    + "margin (gross margin per customer against the average: high/medium/low) give BASIC, REACTIVE, "
                    + "ACCOUNTABLE, PROACTIVE or PARTNERSHIP. 404 before the scheme's first run.")
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(name = "scheme", in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.QUERY, required = true, description = "The classification scheme", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, enumeration = {"ABC", "VALUE"}))
    public LevelReport levels(@QueryParam("scheme") String scheme) {
        Scheme s = Params.scheme(scheme);
        var run = runs.latest(s).orElseThrow(() -> ProblemException.notFound("run of scheme", s));
        return new LevelReport(s.name(), run.runId(), run.completedAt(), run.customers(), run.classes());
    }

    private static void checkPeriod(Instant start, Instant end) {
        if (!start.isBefore(end)) {
            throw ProblemException.invalid("from", "must be before to");
        }
    }
}
