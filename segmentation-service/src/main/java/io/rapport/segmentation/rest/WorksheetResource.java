package io.rapport.segmentation.rest;

import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.ProblemException;
import io.rapport.segmentation.classification.PolicyStore;
import io.rapport.segmentation.config.SegmentationConfig;
import io.rapport.segmentation.domain.Scheme;
import io.rapport.segmentation.reporting.WorksheetQuery;
import io.rapport.segmentation.reporting.WorksheetRow;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The differentiation worksheet (DOMAIN.md section 2): the questions a manager asks, each a paged list
 * sortable by any figure (sort=profit,desc; ties by customer id). Figures are over the trailing window.
 */
@Allow({Roles.SALES, Roles.MARKETING})
@Path("/api/v1/segments/worksheet")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Differentiation worksheet",
        description = "Gold customers, cost drivers, complainers, YoY, wallet, prospects. "
                + "Rows carry the customer id, classes and the figures that put the customer on the list, never a name: "
                + "segmentation keeps no personal data; names come from customer-service (GET /api/v1/customers/{id}) or the "
                + "gateway's Customer 360.")
public class WorksheetResource {
    private final WorksheetQuery query;
    private final PolicyStore policies;
    private final SegmentationConfig config;

    public WorksheetResource(WorksheetQuery query, PolicyStore policies, SegmentationConfig config) {
        this.query = query;
        this.policies = policies;
        this.config = config;
    }

    @GET
    @Path("gold")
    @Operation(summary = "Gold customers")
    public Page<WorksheetRow> gold(@BeanParam PageRequest page) {
        String top = policies.active(Scheme.ABC).abc().labels().get(0);
        return query.list("abc_class = ?", List.of(top), sort(page, "netRevenue,desc"), page);
    }

    @GET
    @Path("cost-drivers")
    @Operation(summary = "Customers who cause costs")
    public Page<WorksheetRow> costDrivers(
            @QueryParam("belowZero") @DefaultValue("false") boolean belowZero, @BeanParam PageRequest page) {
        String filter = belowZero ? "profit < 0" : "(cost_to_serve > 0 or profit < 0)";
        return query.list(filter, List.of(), sort(page, "costToServe,desc"), page);
    }

    @GET
    @Path("repeat-complainers")
    @Operation(summary = "Customers who complained several times in the last 12 months")
    public Page<WorksheetRow> repeatComplainers(
            @QueryParam("minComplaints") Integer minComplaints, @BeanParam PageRequest page) {
        int min = minComplaints == null ? config.repeatComplaints() : minComplaints;
        if (min < 1) {
            throw ProblemException.invalid("minComplaints", "must be 1 or more");
        }
        return query.list("complaints >= ?", List.of((long) min), sort(page, "complaints,desc"), page);
    }

    @GET
    @Path("top-last-year")
    @Operation(summary = "Did last year's largest customers buy more this year?")
    public Page<WorksheetRow> topLastYear(
            @QueryParam("top") @DefaultValue("100") int top, @BeanParam PageRequest page) {
        if (top < 1 || top > 100_000) {
            throw ProblemException.invalid("top", "must be between 1 and 100000");
        }
        return query.list(
                "customer_id in (select customer_id from b b2 where b2.previous_revenue > 0"
                        + " order by b2.previous_revenue desc, b2.customer_id limit ?)",
                List.of(top),
                sort(page, "previousRevenue,desc"),
                page);
    }

    @GET
    @Path("low-share-of-wallet")
    @Operation(summary = "Large wallet, low share of it")
    public Page<WorksheetRow> lowShare(
            @QueryParam("minWallet") @DefaultValue("0") BigDecimal minWallet,
            @QueryParam("maxShare") @DefaultValue("0.2") BigDecimal maxShare,
            @QueryParam("maxCategories") @DefaultValue("2") int maxCategories,
            @BeanParam PageRequest page) {
        if (maxShare.signum() < 0) {
            throw ProblemException.invalid("maxShare", "must be 0 or more");
        }
        if (maxCategories < 0) {
            throw ProblemException.invalid("maxCategories", "must be 0 or more");
        }
        return query.list(
                "wallet >= ? and share_of_wallet <= ? and categories <= ?",
                List.of(minWallet, maxShare, (long) maxCategories),
                sort(page, "potential,desc"),
                page);
    }

    @GET
    @Path("prospects")
    @Operation(summary = "Prospects we most want a relationship with")
    public Page<WorksheetRow> prospects(@BeanParam PageRequest page) {
        return query.list("target", List.of(), sort(page, "wallet,desc"), page);
    }

    private static PageRequest.Sort sort(PageRequest page, String defaultSort) {
        return page.validate(WorksheetQuery.SORTABLE.keySet(), defaultSort);
    }
}
