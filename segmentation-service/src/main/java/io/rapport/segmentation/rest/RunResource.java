package io.rapport.segmentation.rest;

import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.ProblemException;
import io.rapport.segmentation.classification.RunService;
import io.rapport.segmentation.classification.RunStore;
import io.rapport.segmentation.classification.RunSummary;
import io.rapport.segmentation.domain.Scheme;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Full recomputes: on demand here, and on a schedule (RunScheduler). */
@Allow({Roles.SALES, Roles.MARKETING})
@Path("/api/v1/segments/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Runs", description = "Full set-based recomputes of the classes")
public class RunResource {
    private final RunService runService;
    private final RunStore runs;

    public RunResource(RunService runService, RunStore runs) {
        this.runService = runService;
        this.runs = runs;
    }

    /** The runs a request made. */
    public record Runs(List<RunSummary> runs) {}

    @Allow(Roles.MARKETING)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recompute classes now")
    @APIResponseSchema(value = Runs.class, responseCode = "201", responseDescription = "The runs done")
    public Response run(RunRequest request) {
        List<Scheme> schemes =
                request == null || request.scheme() == null ? List.of(Scheme.values()) : List.of(request.scheme());
        List<RunSummary> done = new ArrayList<>();
        runService
                .runAll(schemes, "API")
                .forEach((s, run) -> done.add(run.orElseThrow(() -> ProblemException.conflict(
                        "run-in-progress", "a run of " + s + " is already under way", Map.of("scheme", s.name())))));
        return Response.status(Response.Status.CREATED).entity(new Runs(done)).build();
    }

    @GET
    @Operation(summary = "Runs, newest first")
    @Parameter(
            name = "scheme",
            in = ParameterIn.QUERY,
            description = "Only runs of this scheme",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"ABC", "VALUE"}))
    public Page<RunSummary> list(@QueryParam("scheme") String scheme, @BeanParam PageRequest page) {
        Scheme s = Params.optionalScheme(scheme);
        page.validate(Set.of("completedAt"), "completedAt,desc");
        return Page.of(runs.list(s, page), page, runs.count(s));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One run with its thresholds, statistics and Pareto curve")
    public RunSummary get(@PathParam("id") String id) {
        return runs.get(Params.uuid("id", id));
    }
}
