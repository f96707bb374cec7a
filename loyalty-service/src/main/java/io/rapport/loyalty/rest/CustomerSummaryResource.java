package io.rapport.loyalty.rest;

import io.rapport.loyalty.domain.Member;
import io.rapport.loyalty.domain.Programme;
import io.rapport.loyalty.expiry.PointsExpiry;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The loyalty part of the Customer 360 view the gateway composes. */
@Allow({Roles.SALES, Roles.MARKETING})
@Path("/api/v1/loyalty")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers", description = "Loyalty summary per customer")
public class CustomerSummaryResource {

    /** {@code memberId} is the membership's id (for /members/{id}); {@code pointsBalance} leaves out points past expiry. */
    public record MembershipSummary(
            String memberId,
            String programmeId,
            String programmeName,
            String memberNumber,
            String tier,
            long pointsBalance,
            long pointsDebt) {}

    private final PointsExpiry expiry;
    private final java.time.Clock clock;

    public CustomerSummaryResource(PointsExpiry expiry, java.time.Clock clock) {
        this.expiry = expiry;
        this.clock = clock;
    }

    public record CustomerSummary(String customerId, List<MembershipSummary> memberships) {}

    @GET
    @Path("/customers/{id}/summary")
    @Operation(summary = "A customer's memberships")
    public CustomerSummary summary(@PathParam("id") UUID id) {
        List<Member> members =
                Member.<Member>list("customerId = ?1 and status = ?2 order by enrolledAt, id", id, Member.ACTIVE);
        java.util.Map<UUID, Long> due =
                expiry.dueButNotBooked(members.stream().map(m -> m.id).toList(), clock.instant());
        List<MembershipSummary> list = members.stream()
                .map(m -> {
                    Programme p = Programme.findById(m.programmeId);
                    return new MembershipSummary(
                            m.id.toString(),
                            p.id.toString(),
                            p.name,
                            m.memberNumber,
                            m.tierCode,
                            PointsExpiry.spendable(m, due),
                            m.pointsDebt);
                })
                .toList();
        return new CustomerSummary(id.toString(), list);
    }
}
