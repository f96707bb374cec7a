package io.rapport.gateway.model;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a customer's audit trail across every service, newest first.
 *
 * @param items audit records as each service answers them (with {@code service} naming their origin)
 * @param total records in the services that answered
 * @param unavailable services that did not answer in time: their records are missing from this page
 * @param notPermitted services whose trail the caller's roles may not read
 */
@Schema(description = "A customer's audit trail across every service, newest first")
public record CustomerAudit(
        @Schema(
                description =
                        "Audit records as each service answers them (at, service, actor, roles, requestId, entity,"
                                + " entityId, customerId, action, before, after)")
        List<Map<String, Object>> items,

        int page,
        int size,
        long total,
        List<String> unavailable,
        List<String> notPermitted) {}
