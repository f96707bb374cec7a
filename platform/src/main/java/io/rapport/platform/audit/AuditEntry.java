package io.rapport.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One audit record as the audit API answers it. */
@Schema(description = "Who changed what, when, from which request; before/after hold only the changed fields")
public record AuditEntry(
        long id,

        @Schema(description = "The service that recorded it, e.g. customer-service")
        String service,

        Instant at,

        @Schema(description = "The caller's subject (user name, partner:<id>, or system for automated changes)")
        String actor,

        List<String> actorRoles,
        String partnerId,
        String requestId,

        @Schema(
                description =
                        "What changed: customer, consent, preference, merge, erasure, member, programme, policy...")
        String entity,

        String entityId,
        UUID customerId,

        @Schema(description = "CREATE, UPDATE, DELETE, MERGE, ERASE, ADJUST, OVERRIDE...")
        String action,

        @Schema(
                implementation = java.util.Map.class,
                description = "The changed fields before the change (null for a creation)")
        JsonNode before,

        @Schema(
                implementation = java.util.Map.class,
                description = "The changed fields after the change (null for a deletion)")
        JsonNode after,

        @Schema(description = "When the personal values were redacted because the customer was erased")
        Instant redactedAt) {}
