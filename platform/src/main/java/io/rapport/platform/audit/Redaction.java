package io.rapport.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Removes the personal values from an audit record's before/after of an erased customer: every text value becomes
 * {@value #ERASED}, except the values of fields that hold codes, never typed text (status, kind, channel...); numbers,
 * booleans and the field names stay, so the trail still says what changed and by how much, not to what text.
 */
public final class Redaction {
    public static final String ERASED = "(erased)";

    /** Fields whose text values are codes a caller picks from a list, kept by the redaction. */
    static final Set<String> CODES = Set.of(
            "status",
            "kind",
            "channel",
            "type",
            "currency",
            "action",
            "tier",
            "tiercode",
            "fromtier",
            "totier",
            "direction",
            "category",
            "severity",
            "scheme",
            "segment",
            "programmeid",
            "memberid",
            "survivorid",
            "mergedid",
            "mergedby",
            "customerid",
            "ledgerentryid",
            "id",
            "granted",
            "donotcontact",
            "version",
            "occurredat",
            "decidedat");

    private Redaction() {}

    public static JsonNode redact(JsonNode node) {
        return redact(null, node);
    }

    private static JsonNode redact(String field, JsonNode node) {
        if (node == null || node.isNull()) {
            return node;
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), redact(e.getKey(), e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> out.add(redact(field, item)));
            return out;
        }
        if (node.isTextual() && (field == null || !CODES.contains(field.toLowerCase(java.util.Locale.ROOT)))) {
            return JsonNodeFactory.instance.textNode(ERASED);
        }
        return node;
    }
}
