package io.rapport.loyalty.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * What a loyalty partner learns of a loyalty event: the member by the number the partner already uses, the programme,
 * the time, and the facts of the event type below. Never the customer id, the internal member id, the balance, the
 * source key or free-text reasons; another partner's id is dropped (a partner sees its own id on its own bookings only).
 */
public final class PartnerView {
    private static final Map<String, List<String>> FIELDS = Map.of(
            "rapport.loyalty.member-enrolled.v1", List.of("tier"),
            "rapport.loyalty.member-left.v1", List.of(),
            "rapport.loyalty.tier-changed.v1", List.of("fromTier", "toTier", "direction"),
            "rapport.loyalty.points-earned.v1", List.of("entryId", "points", "source", "expiresAt"),
            "rapport.loyalty.points-redeemed.v1", List.of("entryId", "points", "source"),
            "rapport.loyalty.points-expiring.v1", List.of("points", "expiresAt"),
            "rapport.loyalty.points-expired.v1", List.of("entryId", "points"),
            "rapport.loyalty.reward-redeemed.v1", List.of("redemptionId", "rewardId", "rewardName", "points"));

    private PartnerView() {}

    /** Whether a partner can be sent this type at all. */
    public static boolean supports(String type) {
        return FIELDS.containsKey(type);
    }

    /** The partner's view of {@code data} (the event's payload); {@code memberNumber} names the member. */
    public static ObjectNode of(String type, JsonNode data, String memberNumber, String partnerId) {
        List<String> fields = FIELDS.get(type);
        if (fields == null) {
            throw new IllegalArgumentException("no partner view of " + type);
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("memberNumber", memberNumber);
        copy(data, out, "programmeId");
        for (String f : fields) {
            copy(data, out, f);
        }
        if (partnerId != null && partnerId.equals(data.path("partnerId").asText(null))) {
            out.put("partnerId", partnerId);
        }
        copy(data, out, "occurredAt");
        return out;
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        if (from.has(field)) {
            to.set(field, from.get(field));
        }
    }
}
