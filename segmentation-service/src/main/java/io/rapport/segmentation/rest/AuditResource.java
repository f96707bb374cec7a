package io.rapport.segmentation.rest;

import io.rapport.platform.audit.AuditLog;
import io.rapport.platform.audit.AuditTrailResource;
import jakarta.ws.rs.Path;

/** The shared audit API ({@link AuditTrailResource}) at segmentation-service's path; its OpenAPI text is in META-INF/openapi.yaml. */
@Path("/api/v1/segments/audit")
public class AuditResource extends AuditTrailResource {
    public AuditResource(AuditLog log) {
        super(log);
    }
}
