package io.rapport.loyalty.rest;

import io.rapport.platform.audit.AuditLog;
import io.rapport.platform.audit.AuditTrailResource;
import jakarta.ws.rs.Path;

/** The shared audit API ({@link AuditTrailResource}) at loyalty-service's path; its OpenAPI text is in META-INF/openapi.yaml. */
@Path("/api/v1/loyalty/audit")
public class AuditResource extends AuditTrailResource {
    public AuditResource(AuditLog log) {
        super(log);
    }
}
