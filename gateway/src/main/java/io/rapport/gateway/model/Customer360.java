package io.rapport.gateway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One customer seen from every service at once. Each part says whether its service answered; {@code complete}
 * is true only when every part the caller may see is {@code OK} or {@code NOT_FOUND}.
 */
@Schema(
        name = "Customer360",
        description = "Profile, classes, relationship and loyalty of one customer, composed in parallel",
        requiredProperties = {
            "customerId",
            "complete",
            "profile",
            "classes",
            "engagement",
            "loyalty",
            "preferenceHistory"
        })
public record Customer360(
        UUID customerId,
        boolean complete,

        @Schema(
                description = "customer-service: profile with consents and preferences (each with its touchpoint,"
                        + " updatedBy and updatedAt)")
        Part profile,

        @Schema(description = "segmentation-service: current class per scheme with its explanation and figures")
        Part classes,

        @Schema(description = "engagement-service: relationship level, next contacts, open complaints")
        Part engagement,

        @Schema(description = "loyalty-service: memberships with tier and points balance")
        Part loyalty,

        @Schema(
                description =
                        "customer-service: the latest 10 preference changes, newest first, as a page"
                                + " {items, page, size, total} of {category, key, change (SET or REMOVED), oldValue, newValue,"
                                + " touchpoint, actor, changedAt}; UNAVAILABLE when customer-service does not serve the history")
        Part preferenceHistory) {

    @Schema(
            name = "Customer360PartStatus",
            description =
                    "OK: data holds the service's answer; NOT_FOUND: the service "
                            + "knows nothing about the customer; UNAVAILABLE: it failed or was late; NOT_PERMITTED: the caller may not read it")
    public enum Status {
        OK,
        NOT_FOUND,
        UNAVAILABLE,
        NOT_PERMITTED
    }

    /**
     * One service's contribution: its JSON answer unchanged when {@code OK} (a JSON object: customer-service's
     * {@code Customer}, segmentation's {@code CustomerSegmentsView}, engagement's {@code Summary}, loyalty's
     * {@code CustomerSummary}), else why there is none.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "Customer360Part",
            requiredProperties = {"status", "service"})
    public record Part(
            Status status,
            @Schema(examples = "engagement-service") String service,

            @Schema(examples = "engagement-service did not answer within 2000 ms")
            String detail,

            @Schema(description = "The service's own answer (a JSON object) when status is OK; absent otherwise")
            Map<String, Object> data) {

        public static Part ok(String service, Map<String, Object> data) {
            return new Part(Status.OK, service, null, data);
        }

        public static Part notFound(String service) {
            return new Part(Status.NOT_FOUND, service, "the service knows nothing about this customer", null);
        }

        public static Part unavailable(String service, String detail) {
            return new Part(Status.UNAVAILABLE, service, detail, null);
        }

        public static Part notPermitted(String service) {
            return new Part(Status.NOT_PERMITTED, service, "the caller's roles may not read this part", null);
        }

        boolean answered() {
            return status == Status.OK || status == Status.NOT_FOUND || status == Status.NOT_PERMITTED;
        }
    }

    public static Customer360 of(
            UUID id, Part profile, Part classes, Part engagement, Part loyalty, Part preferenceHistory) {
        boolean complete = profile.answered()
                && classes.answered()
                && engagement.answered()
                && loyalty.answered()
                && preferenceHistory.answered();
        return new Customer360(id, complete, profile, classes, engagement, loyalty, preferenceHistory);
    }
}
