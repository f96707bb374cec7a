package io.rapport.platform.audit;

import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.Page;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The audit API every service serves, written once: a service wires it with a subclass that only names its path, e.g.
 * {@code @Path("/api/v1/loyalty/audit") public class AuditResource extends AuditTrailResource}. The operation's
 * summary and description, which say what that service records, are in the service's
 * {@code META-INF/openapi.yaml} (merged by SmallRye OpenAPI). Who may read what is {@link AuditLog}'s rule.
 */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit trail", description = "Who changed what, when, from which request")
public abstract class AuditTrailResource {
    private final AuditLog log;

    protected AuditTrailResource(AuditLog log) {
        this.log = log;
    }

    // sales, support and data-steward read one customer's trail (AuditLog refuses them a query without customerId)
    @Allow({Roles.SALES, Roles.SUPPORT, Roles.DATA_STEWARD})
    @GET
    @Operation(operationId = "audit")
    public Page<AuditEntry> audit(
            @QueryParam("customerId") String customerId,
            @QueryParam("actor") String actor,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return log.find(customerId, actor, page, size);
    }
}
