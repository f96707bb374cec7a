package io.rapport.segmentation.rest;

import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.ProblemException;
import io.rapport.segmentation.config.SegmentationConfig;
import io.rapport.segmentation.domain.CustomerFigures;
import io.rapport.segmentation.domain.Scheme;
import io.rapport.segmentation.service.ClassChange;
import io.rapport.segmentation.service.CoPurchaseQuery;
import io.rapport.segmentation.service.Explainer;
import io.rapport.segmentation.service.FiguresQuery;
import io.rapport.segmentation.service.SegmentQueries;
import io.rapport.segmentation.service.Windows;
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
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

    public CustomerSegmentResource(SegmentQueries segments, FiguresQuery figures, Explainer explainer, CoPurchaseQuery coPurchase,
            Windows windows, SegmentationConfig config) {
        this.segments = segments;
        this.figures = figures;
        this.explainer = explainer;
        this.coPurchase = coPurchase;
        this.windows = windows;
        this.config = config;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Value profile and current classes of a customer",
            description = "Window (trailing months, configurable) and lifetime figures: revenue, cost of goods, refunds, "
                    + "gross margin, cost-to-serve, profit, purchases, categories, complaints, wallet, share of wallet, "
                    + "tenure; and per scheme the current class with the figures, the thresholds of the latest run, the "
                    + "rule of the policy and the recommended relationship level. 404 for a customer never seen.")
    public CustomerSegmentsView customer(@PathParam("id") String id) {
        UUID customerId = Params.uuid("id", id);
        var state = segments.profile(customerId).orElseThrow(() -> ProblemException.notFound("customer", customerId));
        LocalDate from = windows.start();
        CustomerFigures window = figures.figures(customerId, from).orElseThrow();
        CustomerFigures lifetime = figures.figures(customerId, FiguresQuery.LIFETIME).orElseThrow();
        var classes = segments.classes(customerId).stream().map(c -> explainer.explain(c, window)).toList();
        return new CustomerSegmentsView(customerId, state.kind(), state.target(), state.mergedInto(), state.erased(), from,
                config.windowMonths(), FiguresView.of(window, config.currency()), FiguresView.of(lifetime, config.currency()),
                classes);
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "History of a customer's class changes",
            description = "Every change of class, newest first by default (sort=changedAt,asc for oldest first); "
                    + "fromClass is null for a first classification, runId null for a change made by an event between runs.")
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(name = "scheme", in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.QUERY, description = "Only changes of this scheme", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, enumeration = {"ABC", "VALUE"}))
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(name = "id", in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.PATH, required = true, description = "The customer", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "uuid"))
    public Page<ClassChange> history(@PathParam("id") String id, @QueryParam("scheme") String scheme, @BeanParam PageRequest page) {
        UUID customerId = Params.uuid("id", id);
        Scheme s = Params.optionalScheme(scheme);
        var sort = page.validate(Set.of("changedAt"), "changedAt,desc");
        segments.profile(customerId).orElseThrow(() -> ProblemException.notFound("customer", customerId));
        return Page.of(segments.history(customerId, s, sort, page), page, segments.countHistory(customerId, s));
    }

    /** Co-purchase recommendations with the counts that explain them. */
    public record Recommendations(UUID customerId, List<String> boughtCategories, long peers,
            List<CoPurchaseQuery.Recommendation> recommendations) {
    }

    @GET
    @Path("{id}/recommendations")
    @Operation(summary = "Categories to offer a customer (co-purchase)",
            description = "Categories most often bought by customers who bought a category this customer bought, and that "
                    + "this customer has not bought yet; customers = how many such peers bought it.")
    public Recommendations recommendations(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("10") int limit) {
        UUID customerId = Params.uuid("id", id);
        if (limit < 1 || limit > 100) {
            throw ProblemException.invalid("limit", "must be between 1 and 100");
        }
        segments.profile(customerId).orElseThrow(() -> ProblemException.notFound("customer", customerId));
        var recs = coPurchase.recommend(customerId, limit);
        return new Recommendations(customerId, coPurchase.categories(customerId), recs.isEmpty() ? 0 : recs.get(0).peers(),
                recs);
    }
}
