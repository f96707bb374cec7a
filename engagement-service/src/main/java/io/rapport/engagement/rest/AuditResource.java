package io.rapport.engagement.rest;

import io.rapport.platform.audit.AuditEntry;
import io.rapport.platform.audit.AuditLog;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.Page;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

// sales, support and data-steward read one customer's trail (AuditLog refuses them a query without customerId)
@Allow({Roles.SALES, Roles.SUPPORT, Roles.DATA_STEWARD})
@Path("/api/v1/engagement/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit trail", description = "Who changed what, when, from which request")
public class AuditResource {
    private final AuditLog log;

    public AuditResource(AuditLog log) {
        this.log = log;
    }

    @GET
    @Operation(
            summary = "engagement-service's audit trail",
            description = "Its changes recorded by engagement-service, newest first, with the caller"
                    + " (subject, roles, partner, request id) and the changed fields before and after; an erased customer's values"
                    + " are redacted. admin reads all and filters by actor; sales, support and data-steward read one customer's"
                    + " trail (customerId required). The gateway serves the whole trail of a customer across services at"
                    + " GET /api/v1/customers/{id}/audit.")
    public Page<AuditEntry> audit(
            @QueryParam("customerId") String customerId,
            @QueryParam("actor") String actor,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return log.find(customerId, actor, page, size);
    }
}
