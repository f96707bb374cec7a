package io.rapport.segmentation.rest;

import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.ProblemException;
import io.rapport.segmentation.classification.Explainer;
import io.rapport.segmentation.config.SegmentationConfig;
import io.rapport.segmentation.domain.CoPurchase;
import io.rapport.segmentation.domain.CustomerFigures;
import io.rapport.segmentation.domain.Decimals;
import io.rapport.segmentation.domain.Scheme;
import io.rapport.segmentation.profile.Windows;
import io.rapport.segmentation.reporting.ClassChange;
import io.rapport.segmentation.reporting.CoPurchaseQuery;
import io.rapport.segmentation.reporting.FiguresQuery;
import io.rapport.segmentation.reporting.SegmentQueries;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One customer: value profile with classes and explanations, class history, co-purchase recommendations. */
@Allow({Roles.SALES, Roles.MARKETING})
@Path("/api/v1/segments/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customer segments", description = "Value profile, classes and their explanation per customer")
public class CustomerSegmentResource {
    private final SegmentQueries segments;
    private final FiguresQuery figures;
    private final Explainer explainer;
    private final CoPurchaseQuery coPurchase;
    private final Windows windows;
    private final SegmentationConfig config;

    public CustomerSegmentResource(
            SegmentQueries segments,
            FiguresQuery figures,
            Explainer explainer,
            CoPurchaseQuery coPurchase,
            Windows windows,
            SegmentationConfig config) {
        this.segments = segments;
        this.figures = figures;
        this.explainer = explainer;
        this.coPurchase = coPurchase;
        this.windows = windows;
        this.config = config;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Value profile and current classes of a customer")
    public CustomerSegmentsView customer(@PathParam("id") String id) {
        UUID customerId = Params.uuid("id", id);
        var state = segments.profile(customerId).orElseThrow(() -> ProblemException.notFound("customer", customerId));
        LocalDate from = windows.start();
        CustomerFigures window = figures.figures(customerId, from).orElseThrow();
        CustomerFigures lifetime =
                figures.figures(customerId, FiguresQuery.LIFETIME).orElseThrow();
        var classes = segments.classes(customerId).stream()
                .map(c -> explainer.explain(customerId, c, window))
                .toList();
        return new CustomerSegmentsView(
                customerId,
                state.kind(),
                state.target(),
                state.mergedInto(),
                state.erased(),
                from,
                config.windowMonths(),
                FiguresView.of(window, config.currency()),
                FiguresView.of(lifetime, config.currency()),
                classes);
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "History of a customer's class changes")
    @Parameter(
            name = "scheme",
            in = ParameterIn.QUERY,
            description = "Only changes of this scheme",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"ABC", "VALUE"}))
    @Parameter(
            name = "id",
            in = ParameterIn.PATH,
            required = true,
            description = "The customer",
            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    public Page<ClassChange> history(
            @PathParam("id") String id, @QueryParam("scheme") String scheme, @BeanParam PageRequest page) {
        UUID customerId = Params.uuid("id", id);
        Scheme s = Params.optionalScheme(scheme);
        var sort = page.validate(Set.of("changedAt"), "changedAt,desc");
        segments.profile(customerId).orElseThrow(() -> ProblemException.notFound("customer", customerId));
        return Page.of(segments.history(customerId, s, sort, page), page, segments.countHistory(customerId, s));
    }

    /** Co-purchase recommendations with the measures that explain them. */
    @Schema(
            description = "Co-purchase recommendations for one customer at category or SKU level. customers = distinct "
                    + "customers (live, with a basket at that level) the measures are taken over; minSupport = the fewest distinct "
                    + "customers who must have bought both items of a rule for it to be shown (rapport.segmentation."
                    + "recommendation-min-support, default 5), so no recommendation reveals one customer's purchases. Measures are "
                    + "decimal strings with 4 decimals.",
            examples = """
            {"customerId":"6f1c2f9e-2b7a-4a43-9d1e-0c3c2b1a9e10","level":"category","bought":["TENTS"],"customers":1200,
             "minSupport":5,"recommendations":[{"item":"SLEEPING_BAGS","because":"TENTS","customers":96,
             "support":"0.0800","confidence":"0.4000","lift":"4.0000"}]}""")
    public record Recommendations(
            UUID customerId,
            @Schema(enumeration = {"category", "sku"}) String level,
            List<String> bought,
            long customers,
            int minSupport,
            List<Recommendation> recommendations) {}

    /**
     * One recommended item with its best rule "bought {@code because} -> buys {@code item}": customers = distinct
     * customers who bought both; support = customers / all customers; confidence = customers / customers who bought
     * {@code because}; lift = confidence / share of all customers who bought {@code item} (above 1: more likely than
     * overall).
     */
    public record Recommendation(
            String item, String because, long customers, String support, String confidence, String lift) {}

    /** The class's rule, plus engagement-service reading a message's recommendations at send time (read only). */
    @Allow(
            value = {Roles.SALES, Roles.MARKETING},
            services = "engagement-service")
    @GET
    @Path("{id}/recommendations")
    @Operation(summary = "Items to offer a customer (co-purchase rules with support, confidence and lift)")
    @Parameter(
            name = "level",
            in = ParameterIn.QUERY,
            description = "category (default) or sku",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"category", "sku"}))
    public Recommendations recommendations(
            @PathParam("id") String id,
            @QueryParam("limit") @DefaultValue("10") int limit,
            @QueryParam("level") String level) {
        UUID customerId = Params.uuid("id", id);
        if (limit < 1 || limit > 100) {
            throw ProblemException.invalid("limit", "must be between 1 and 100");
        }
        CoPurchaseQuery.Level l = level(level);
        segments.profile(customerId).orElseThrow(() -> ProblemException.notFound("customer", customerId));
        int minSupport = Math.max(2, config.recommendationMinSupport());
        CoPurchaseQuery.Counts counts = coPurchase.pairs(customerId, l, minSupport);
        List<Recommendation> recs = CoPurchase.recommend(counts.pairs(), counts.customers(), limit).stream()
                .map(r -> new Recommendation(
                        r.item(),
                        r.because(),
                        r.customers(),
                        Decimals.ratio(r.support()),
                        Decimals.ratio(r.confidence()),
                        Decimals.ratio(r.lift())))
                .toList();
        return new Recommendations(
                customerId,
                l.name().toLowerCase(Locale.ROOT),
                coPurchase.bought(customerId, l),
                counts.customers(),
                minSupport,
                recs);
    }

    private static CoPurchaseQuery.Level level(String level) {
        if (level == null || level.isBlank() || level.equalsIgnoreCase("category")) {
            return CoPurchaseQuery.Level.CATEGORY;
        }
        if (level.equalsIgnoreCase("sku")) {
            return CoPurchaseQuery.Level.SKU;
        }
        throw ProblemException.invalid("level", "must be one of category, sku");
    }
}
