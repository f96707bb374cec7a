package io.rapport.loyalty.rest;

import io.rapport.loyalty.service.PointsReportQueries;
import io.rapport.loyalty.service.PointsReportQueries.ProgrammeFigures;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Aggregate figures of the programmes for reporting (the console's Loyalty page and its points liability). */
@Allow({Roles.SALES, Roles.MARKETING})
@Path("/api/v1/loyalty")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Aggregate figures of the loyalty programmes")
public class PointsReportResource {
    static final int MAX_MONTHS = 36;
    static final String EXAMPLE = """
            {"asOf":"2026-12-05T21:00:00Z","months":2,"programmes":[{"programmeId":"7d0e3c9a-5b1f-4c2d-8e6f-1a2b3c4d5e6f",
             "code":"CLUB","name":"Rapport Club","currency":"EUR","activeMembers":1200,
             "tiers":[{"code":"SILVER","name":"Silver","rank":0,"members":1050},{"code":"GOLD","name":"Gold","rank":1,"members":150}],
             "outstandingPoints":482000,"expiringWithin90Days":12500,"pointsDebt":300,"pointValue":"0.01","liabilityValue":"4820.00",
             "months":[{"month":"2026-11","earned":91000,"redeemed":40000,"expired":2500,"reversed":800,"adjusted":100},
                       {"month":"2026-12","earned":8000,"redeemed":3000,"expired":0,"reversed":0,"adjusted":0}]}]}
            """;

    private final PointsReportQueries queries;

    public PointsReportResource(PointsReportQueries queries) {
        this.queries = queries;
    }

    /** The report; amounts are plain decimal strings in each programme's currency. */
    public record PointsReport(Instant asOf, int months, List<ProgrammeReport> programmes) {}

    public record ProgrammeReport(
            String programmeId,
            String code,
            String name,
            String currency,
            @Schema(description = "Active members") long activeMembers,

            @Schema(description = "Active members per tier, lowest tier first")
            List<PointsReportQueries.TierCount> tiers,

            @Schema(description = "Points active members hold, less those past their expiry")
            long outstandingPoints,

            @Schema(description = "Of the outstanding points, those that expire within 90 days")
            long expiringWithin90Days,

            @Schema(description = "Points active members owe (refunds after spending)")
            long pointsDebt,

            @Schema(description = "Value of one point (rapport.loyalty.reporting.point-value)")
            String pointValue,

            @Schema(description = "outstandingPoints x pointValue, in the programme currency")
            String liabilityValue,

            @Schema(
                    description = "Calendar months (UTC), oldest first; points earned, redeemed, expired, reversed"
                            + " (refunds) and adjusted (net) in each")
            List<PointsReportQueries.Month> months) {
        static ProgrammeReport of(ProgrammeFigures f) {
            return new ProgrammeReport(
                    f.programmeId().toString(),
                    f.code(),
                    f.name(),
                    f.currency(),
                    f.activeMembers(),
                    f.tiers(),
                    f.outstandingPoints(),
                    f.expiringSoon(),
                    f.pointsDebt(),
                    f.pointValue().toPlainString(),
                    f.liabilityValue().toPlainString(),
                    f.months());
        }
    }

    @GET
    @Path("/reports/points")
    @Operation(summary = "Members per tier, points liability and points over time")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PointsReport.class),
                            examples = @ExampleObject(name = "two months", value = EXAMPLE)))
    public PointsReport points(@QueryParam("programmeId") String programmeId, @QueryParam("months") String months) {
        int n = months(months);
        UUID programme = null;
        if (programmeId != null && !programmeId.isBlank()) {
            try {
                programme = UUID.fromString(programmeId);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("programmeId", "is not a UUID");
            }
        }
        Instant now = queries.now();
        return new PointsReport(
                now,
                n,
                queries.report(programme, n, now).stream()
                        .map(ProgrammeReport::of)
                        .toList());
    }

    private static int months(String value) {
        if (value == null || value.isBlank()) {
            return 12;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= MAX_MONTHS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ProblemException.invalid("months", "must be a whole number from 1 to " + MAX_MONTHS);
    }
}
