package io.rapport.gateway.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the services' OpenAPI 3.1 documents into the one the gateway publishes. Paths are kept as they are
 * (services serve the public prefix). Components are united; when two services define a component of the same name
 * differently (or names a generator would turn into the same class, such as {@code CustomerStatus} and
 * {@code customer_Status}), the later one is renamed {@code <Service><Name>} ({@code LoyaltyCustomerSummary}) and its
 * {@code $ref}s rewritten. Operation ids stay unique (a clash gets the service's name in front). Tags are united and
 * grouped per service ({@code x-tagGroups}). The gateway's security schemes are added: bearer JWT for everything, the
 * partner API key for the partner endpoints, with the gateway's own problem+json answers (401, 403, 429, 503, 504).
 * Services whose document could not be had are listed in {@code x-rapport-unavailable}.
 */
public final class OpenApiMerger {
    public static final String BEARER = "bearer";
    public static final String PARTNER_KEY = "partnerApiKey";
    /** The version every service's document has (SmallRye OpenAPI 4): the merged one says the same. */
    public static final String VERSION = "3.1.0";

    public static final String PROBLEM = "Problem";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ObjectNode merged;
    private final List<String> unavailable = new ArrayList<>();
    private final Map<String, List<String>> tagsByService = new LinkedHashMap<>();
    private final java.util.Set<String> operationIds = new java.util.HashSet<>();

    public OpenApiMerger(String title, String version) {
        merged = JSON.objectNode();
        merged.put("openapi", VERSION);
        merged.putObject("info")
                .put("title", title)
                .put("version", version)
                .put(
                        "description",
                        "Every Rapport service behind the gateway. Users send `Authorization: Bearer <JWT>`; "
                                + "partner systems send `X-Api-Key` and reach only /api/v1/loyalty/partner/** and /api/v1/webhooks/**.");
        merged.putArray("servers").addObject().put("url", "/");
        merged.putArray("tags");
        merged.putObject("paths");
        merged.putObject("components");
    }

    /** Adds one service's document ({@code service} names it in renamed components). */
    public OpenApiMerger add(String service, JsonNode document) {
        ObjectNode doc = document.deepCopy();
        ObjectNode components = (ObjectNode) merged.get("components");
        Map<String, String> renames = new HashMap<>();
        if (doc.get("components") instanceof ObjectNode theirs) {
            theirs.fieldNames().forEachRemaining(section -> {
                JsonNode ours = components.get(section);
                theirs.get(section).fieldNames().forEachRemaining(name -> {
                    String same = ours == null ? null : sameName(ours, name);
                    if (same != null
                            && !ours.get(same).equals(theirs.get(section).get(name))) {
                        renames.put(
                                "#/components/" + section + "/" + name,
                                "#/components/" + section + "/"
                                        + freeName(ours, theirs.get(section), pascal(service) + name));
                    }
                });
            });
            rewriteRefs(doc, renames);
            for (Iterator<Map.Entry<String, JsonNode>> it = theirs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> section = it.next();
                ObjectNode target = components.has(section.getKey())
                        ? (ObjectNode) components.get(section.getKey())
                        : components.putObject(section.getKey());
                section.getValue().fields().forEachRemaining(c -> {
                    String original = "#/components/" + section.getKey() + "/" + c.getKey();
                    String target0 = renames.getOrDefault(original, original);
                    String name = target0.substring(target0.lastIndexOf('/') + 1);
                    target.set(name, c.getValue());
                });
            }
        }
        ObjectNode paths = (ObjectNode) merged.get("paths");
        List<String> serviceTags = tagsByService.computeIfAbsent(service, s -> new ArrayList<>());
        if (doc.get("paths") instanceof ObjectNode theirPaths) {
            theirPaths.fields().forEachRemaining(p -> {
                p.getValue().fields().forEachRemaining(op -> {
                    if (op.getValue() instanceof ObjectNode operation && isOperation(op.getKey())) {
                        uniqueOperationId(service, operation);
                        if (!(operation.get("tags") instanceof ArrayNode t) || t.isEmpty()) {
                            operation.putArray("tags").add(pascal(service));
                        }
                        operation.get("tags").forEach(t -> {
                            if (!serviceTags.contains(t.asText())) {
                                serviceTags.add(t.asText());
                            }
                        });
                    }
                });
                if (paths.get(p.getKey()) instanceof ObjectNode existing && p.getValue() instanceof ObjectNode ops) {
                    existing.setAll(ops);
                } else {
                    paths.set(p.getKey(), p.getValue());
                }
            });
        }
        ArrayNode tags = (ArrayNode) merged.get("tags");
        List<JsonNode> theirTags = new ArrayList<>();
        if (doc.get("tags") instanceof ArrayNode declared) {
            declared.forEach(theirTags::add);
        }
        for (String name : serviceTags) {
            if (theirTags.stream().noneMatch(t -> t.path("name").asText().equals(name))) {
                theirTags.add(JSON.objectNode().put("name", name));
            }
        }
        for (JsonNode tag : theirTags) {
            boolean known = false;
            for (JsonNode t : tags) {
                known |= t.path("name").equals(tag.path("name"));
            }
            if (!known) {
                ObjectNode copy = tag.deepCopy();
                copy.put("x-rapport-service", service);
                tags.add(copy);
            }
        }
        return this;
    }

    /** Notes a service whose document could not be fetched. */
    public OpenApiMerger unavailable(String service) {
        unavailable.add(service);
        return this;
    }

    /** The merged document with the gateway's security applied. */
    public ObjectNode build() {
        ObjectNode components = (ObjectNode) merged.get("components");
        ObjectNode schemes = components.has("securitySchemes")
                ? (ObjectNode) components.get("securitySchemes")
                : components.putObject("securitySchemes");
        schemes.putObject(BEARER)
                .put("type", "http")
                .put("scheme", "bearer")
                .put("bearerFormat", "JWT")
                .put("description", "A JWT whose groups hold the roles admin, sales, marketing or support");
        schemes.putObject(PARTNER_KEY)
                .put("type", "apiKey")
                .put("in", "header")
                .put("name", "X-Api-Key")
                .put(
                        "description",
                        "A partner system's key; reaches only /api/v1/loyalty/partner/** and /api/v1/webhooks/**");
        merged.putArray("security").addObject().putArray(BEARER);
        merged.get("paths").fields().forEachRemaining(p -> {
            boolean partner = RouteTable.under(p.getKey(), RouteTable.LOYALTY_PARTNER);
            boolean webhooks = RouteTable.under(p.getKey(), RouteTable.WEBHOOKS);
            p.getValue().fields().forEachRemaining(op -> {
                if (op.getValue() instanceof ObjectNode operation && isOperation(op.getKey())) {
                    if (partner) {
                        operation.putArray("security").addObject().putArray(PARTNER_KEY);
                    } else if (webhooks) { // a partner's key or an admin's token
                        var security = operation.putArray("security");
                        security.addObject().putArray(PARTNER_KEY);
                        security.addObject().putArray(BEARER);
                    }
                    ObjectNode responses = operation.has("responses")
                            ? (ObjectNode) operation.get("responses")
                            : operation.putObject("responses");
                    addResponse(responses, "401", "No valid credential");
                    addResponse(responses, "403", "The caller's roles or scopes do not allow this");
                    addResponse(responses, "429", "Rate limit exceeded; see Retry-After");
                    addResponse(responses, "503", "The service is unavailable");
                    addResponse(responses, "504", "The service did not answer in time");
                }
            });
        });
        if (!(components.get("schemas") instanceof ObjectNode schemas && schemas.has(PROBLEM))) {
            ObjectNode schemas = components.has("schemas")
                    ? (ObjectNode) components.get("schemas")
                    : components.putObject("schemas");
            schemas.putObject(PROBLEM).put("type", "object").put("description", "RFC 9457 problem detail");
        }
        ArrayNode groups = merged.putArray("x-tagGroups");
        tagsByService.forEach((service, names) -> {
            if (!names.isEmpty()) {
                ArrayNode list = groups.addObject().put("name", service).putArray("tags");
                names.forEach(list::add);
            }
        });
        if (!unavailable.isEmpty()) {
            ArrayNode list = merged.putArray("x-rapport-unavailable");
            unavailable.forEach(list::add);
        }
        return merged;
    }

    private static void addResponse(ObjectNode responses, String code, String description) {
        if (!responses.has(code)) {
            responses
                    .putObject(code)
                    .put("description", description)
                    .putObject("content")
                    .putObject("application/problem+json")
                    .putObject("schema")
                    .put("$ref", "#/components/schemas/" + PROBLEM);
        }
    }

    /** Operation ids are unique in the merged document: a clash gets the service's name in front. */
    private void uniqueOperationId(String service, ObjectNode operation) {
        String id = operation.path("operationId").asText(null);
        if (id == null) {
            return;
        }
        String unique = id;
        if (operationIds.contains(unique.toLowerCase(java.util.Locale.ROOT))) {
            unique = camel(service) + Character.toUpperCase(id.charAt(0)) + id.substring(1);
        }
        for (int n = 2; operationIds.contains(unique.toLowerCase(java.util.Locale.ROOT)); n++) {
            unique = id + n;
        }
        operationIds.add(unique.toLowerCase(java.util.Locale.ROOT));
        operation.put("operationId", unique);
    }

    /**
     * The existing component that a generator would take for the same class as {@code name}: names equal once
     * case and everything but letters and digits are ignored ({@code CustomerStatus}, {@code customer_Status}).
     */
    private static String sameName(JsonNode section, String name) {
        for (Iterator<String> it = section.fieldNames(); it.hasNext(); ) {
            String existing = it.next();
            if (normal(existing).equals(normal(name))) {
                return existing;
            }
        }
        return null;
    }

    private static String freeName(JsonNode ours, JsonNode theirs, String wanted) {
        String name = wanted;
        for (int n = 2; sameName(ours, name) != null || (sameName(theirs, name) != null); n++) {
            name = wanted + n;
        }
        return name;
    }

    private static String normal(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code customer} or {@code customer-service} as {@code Customer}, for component names. */
    static String pascal(String service) {
        String c = camel(service);
        return c.isEmpty() ? c : Character.toUpperCase(c.charAt(0)) + c.substring(1);
    }

    private static String camel(String service) {
        StringBuilder out = new StringBuilder();
        boolean up = false;
        for (char ch : service.replace("-service", "").toCharArray()) {
            if (!Character.isLetterOrDigit(ch)) {
                up = out.length() > 0;
            } else {
                out.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return out.toString();
    }

    private static boolean isOperation(String key) {
        return List.of("get", "put", "post", "delete", "options", "head", "patch", "trace")
                .contains(key);
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            Map<String, JsonNode> updates = new LinkedHashMap<>();
            object.fields().forEachRemaining(f -> {
                if (f.getKey().equals("$ref")
                        && f.getValue().isTextual()
                        && renames.containsKey(f.getValue().asText())) {
                    updates.put(
                            f.getKey(),
                            TextNode.valueOf(renames.get(f.getValue().asText())));
                } else {
                    rewriteRefs(f.getValue(), renames);
                }
            });
            object.setAll(updates);
        } else if (node instanceof ArrayNode array) {
            array.forEach(n -> rewriteRefs(n, renames));
        }
    }
}
