package io.rapport.segmentation.rest;

import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.ProblemException;
import io.rapport.segmentation.classification.ClassStat;
import io.rapport.segmentation.classification.LevelRecommender;
import io.rapport.segmentation.classification.RunStore;
import io.rapport.segmentation.domain.Decimals;
import io.rapport.segmentation.domain.KotlerMatrix;
import io.rapport.segmentation.domain.Scheme;
import io.rapport.segmentation.reporting.ClassChange;
import io.rapport.segmentation.reporting.SegmentQueries;
import io.rapport.segmentation.reporting.Transition;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Transitions between classes over a period, and the relationship level recommended per class. */
@Allow({Roles.SALES, Roles.MARKETING})
@Path("/api/v1/segments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Class transitions and relationship levels")
public class ReportResource {
    private final SegmentQueries segments;
    private final RunStore runs;
    private final LevelRecommender levels;
    private final Clock clock;

    public ReportResource(SegmentQueries segments, RunStore runs, LevelRecommender levels, Clock clock) {
        this.segments = segments;
        this.runs = runs;
        this.levels = levels;
        this.clock = clock;
    }

    /** Transitions of one scheme in [from, to). */
    public record TransitionReport(String scheme, Instant from, Instant to, List<Transition> transitions) {}

    @GET
    @Path("transitions")
    @Operation(summary = "Class transitions in a period")
    @Parameter(
            name = "scheme",
            in = ParameterIn.QUERY,
            required = true,
            description = "The classification scheme",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"ABC", "VALUE"}))
    public TransitionReport transitions(
            @QueryParam("scheme") String scheme, @QueryParam("from") String from, @QueryParam("to") String to) {
        Scheme s = Params.scheme(scheme);
        Instant end = Params.instant("to", to, clock.instant());
        Instant start = Params.instant("from", from, end.minus(Duration.ofDays(30)));
        checkPeriod(start, end);
        return new TransitionReport(s.name(), start, end, segments.transitions(s, start, end));
    }

    @GET
    @Path("transitions/customers")
    @Operation(summary = "The customers of one transition in a period")
    @Parameter(
            name = "scheme",
            in = ParameterIn.QUERY,
            required = true,
            description = "The classification scheme",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"ABC", "VALUE"}))
    @Parameter(name = "toClass", in = ParameterIn.QUERY, required = true, description = "The class moved to")
    public Page<ClassChange> transitionCustomers(
            @QueryParam("scheme") String scheme,
            @QueryParam("fromClass") String fromClass,
            @QueryParam("toClass") String toClass,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @BeanParam PageRequest page) {
        Scheme s = Params.scheme(scheme);
        if (toClass == null || toClass.isBlank()) {
            throw ProblemException.invalid("toClass", "is required");
        }
        page.validate(Set.of("changedAt"), "changedAt,desc");
        Instant end = Params.instant("to", to, clock.instant());
        Instant start = Params.instant("from", from, end.minus(Duration.ofDays(30)));
        checkPeriod(start, end);
        return Page.of(
                segments.transitionChanges(s, fromClass, toClass, start, end, page),
                page,
                segments.countTransitionChanges(s, fromClass, toClass, start, end));
    }

    /** Recommended relationship levels per class, from the latest run of a scheme, with the matrix's inputs. */
    @Schema(
            description =
                    "Kotler's matrix applied to the latest run of a scheme: per class its size (share of customers) "
                            + "and margin (margin index) with their bands, and the recommended level; averageMarginPerCustomer is the "
                            + "gross margin per customer over every classified customer, the base of the margin index. Money: decimal "
                            + "strings with 2 decimals; shares and indexes: 4.",
            examples = """
            {"scheme":"ABC","runId":"0b7e4c1a-3f2d-4e5a-9c8b-7a6d5e4f3a2b","policyVersion":2,
             "computedAt":"2026-12-05T02:30:04Z","customers":1000,"averageMarginPerCustomer":"120.00",
             "matrix":{"manyPercent":"40.0000","fewPercent":"10.0000","highMarginIndex":"1.5000","lowMarginIndex":"0.5000"},
             "classes":[{"label":"A","customers":50,"shareOfCustomers":"5.0000","size":"FEW","netRevenue":"90000.00",
             "grossMargin":"36000.00","marginPerCustomer":"720.00","marginIndex":"6.0000","margin":"HIGH",
             "recommendedLevel":"PARTNERSHIP"}]}""")
    public record LevelReport(
            String scheme,
            UUID runId,
            long policyVersion,
            Instant computedAt,
            long customers,
            String averageMarginPerCustomer,
            MatrixThresholds matrix,
            List<LevelClass> classes) {}

    /** The thresholds of the matrix (rapport.segmentation.kotler.*): percent of customers and margin index. */
    public record MatrixThresholds(
            String manyPercent, String fewPercent, String highMarginIndex, String lowMarginIndex) {}

    /**
     * One class: shareOfCustomers in percent of the run's customers (MANY at or above manyPercent, FEW below
     * fewPercent); marginIndex = its gross margin per customer / averageMarginPerCustomer (HIGH at or above
     * highMarginIndex, LOW below lowMarginIndex; null and LOW when the overall margin is not positive).
     */
    public record LevelClass(
            String label,
            long customers,
            String shareOfCustomers,
            @Schema(enumeration = {"MANY", "MEDIUM", "FEW"}) String size,
            String netRevenue,
            String grossMargin,
            String marginPerCustomer,
            String marginIndex,
            @Schema(enumeration = {"HIGH", "MEDIUM", "LOW"}) String margin,
            String recommendedLevel) {}

    @GET
    @Path("levels")
    @Operation(summary = "Relationship level recommended for each class, with the matrix inputs")
    @Parameter(
            name = "scheme",
            in = ParameterIn.QUERY,
            required = true,
            description = "The classification scheme",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"ABC", "VALUE"}))
    public LevelReport levels(@QueryParam("scheme") String scheme) {
        Scheme s = Params.scheme(scheme);
        var run = runs.latest(s).orElseThrow(() -> ProblemException.notFound("run of scheme", s));
        KotlerMatrix matrix = levels.matrix();
        BigDecimal margin = run.classes().stream().map(ClassStat::grossMargin).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<LevelClass> classes = run.classes().stream()
                .map(c -> {
                    KotlerMatrix.Assessment a = matrix.assess(c.customers(), c.grossMargin(), run.customers(), margin);
                    return new LevelClass(
                            c.label(),
                            c.customers(),
                            Decimals.ratio(a.sharePercent()),
                            a.size().name(),
                            Decimals.money(c.revenue()),
                            Decimals.money(c.grossMargin()),
                            Decimals.money(perCustomer(c.grossMargin(), c.customers())),
                            Decimals.ratio(a.marginIndex()),
                            a.margin().name(),
                            c.recommendedLevel());
                })
                .toList();
        return new LevelReport(
                s.name(),
                run.runId(),
                run.policyVersion(),
                run.completedAt(),
                run.customers(),
                Decimals.money(perCustomer(margin, run.customers())),
                new MatrixThresholds(
                        Decimals.ratio(matrix.manyPercent()),
                        Decimals.ratio(matrix.fewPercent()),
                        Decimals.ratio(matrix.highIndex()),
                        Decimals.ratio(matrix.lowIndex())),
                classes);
    }

    private static BigDecimal perCustomer(BigDecimal amount, long customers) {
        return customers <= 0 || amount == null
                ? null
                : amount.divide(BigDecimal.valueOf(customers), MathContext.DECIMAL64);
    }

    private static void checkPeriod(Instant start, Instant end) {
        if (!start.isBefore(end)) {
            throw ProblemException.invalid("from", "must be before to");
        }
    }
}
