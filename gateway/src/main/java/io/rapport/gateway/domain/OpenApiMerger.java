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
 * Merges OpenAPI 3 documents into the one the gateway publishes. Paths are kept as they are (services serve the
 * public prefix). Components are united; when two services define a component of the same name differently, the
 * later one is renamed {@code <service>_<name>} and its {@code $ref}s rewritten. Tags are united. The gateway's
 * security schemes are added: bearer JWT for everything, the partner API key for the partner endpoints. Services
 * whose document could not be had are listed in {@code x-rapport-unavailable}.
 */
public final class OpenApiMerger {
    public static final String BEARER = "bearer";
    public static final String PARTNER_KEY = "partnerApiKey";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ObjectNode merged;
    private final List<String> unavailable = new ArrayList<>();

    public OpenApiMerger(String title, String version) {
        merged = JSON.objectNode();
        merged.put("openapi", "3.0.3");
        merged.putObject("info").put("title", title).put("version", version)
                .put("description", "Every Rapport service behind the gateway. Users send `Authorization: Bearer <JWT>`; "
                        + "partner systems send `X-Api-Key` and reach only /api/v1/loyalty/partner/**.");
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
                    if (ours != null && ours.has(name) && !ours.get(name).equals(theirs.get(section).get(name))) {
                        renames.put("#/components/" + section + "/" + name,
                                "#/components/" + section + "/" + safe(service) + "_" + name);
                    }
                });
            });
            rewriteRefs(doc, renames);
            for (Iterator<Map.Entry<String, JsonNode>> it = theirs.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> section = it.next();
                ObjectNode target = components.has(section.getKey()) ? (ObjectNode) components.get(section.getKey())
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
        if (doc.get("paths") instanceof ObjectNode theirPaths) {
            theirPaths.fields().forEachRemaining(p -> {
                if (paths.get(p.getKey()) instanceof ObjectNode existing && p.getValue() instanceof ObjectNode ops) {
                    existing.setAll(ops);
                } else {
                    paths.set(p.getKey(), p.getValue());
                }
            });
        }
        ArrayNode tags = (ArrayNode) merged.get("tags");
        if (doc.get("tags") instanceof ArrayNode theirTags) {
            for (JsonNode tag : theirTags) {
                boolean known = false;
                for (JsonNode t : tags) {
                    known |= t.path("name").equals(tag.path("name"));
                }
                if (!known) {
                    tags.add(tag);
                }
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
        ObjectNode schemes = components.has("securitySchemes") ? (ObjectNode) components.get("securitySchemes")
                : components.putObject("securitySchemes");
        schemes.putObject(BEARER).put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                .put("description", "A JWT whose groups hold the roles admin, sales, marketing or support");
        schemes.putObject(PARTNER_KEY).put("type", "apiKey").put("in", "header").put("name", "X-Api-Key")
                .put("description", "A partner system's key; reaches only /api/v1/loyalty/partner/**");
        merged.putArray("security").addObject().putArray(BEARER);
        merged.get("paths").fields().forEachRemaining(p -> {
            boolean partner = RouteTable.under(p.getKey(), RouteTable.LOYALTY_PARTNER);
            p.getValue().fields().forEachRemaining(op -> {
                if (op.getValue() instanceof ObjectNode operation && isOperation(op.getKey())) {
                    if (partner) {
                        operation.putArray("security").addObject().putArray(PARTNER_KEY);
                    }
                    ObjectNode responses = operation.has("responses") ? (ObjectNode) operation.get("responses")
                            : operation.putObject("responses");
                    addResponse(responses, "401", "No valid credential (problem+json)");
                    addResponse(responses, "403", "The caller's roles or scopes do not allow this (problem+json)");
                    addResponse(responses, "429", "Rate limit exceeded; see Retry-After (problem+json)");
                    addResponse(responses, "503", "The service is unavailable (problem+json)");
                    addResponse(responses, "504", "The service did not answer in time (problem+json)");
                }
            });
        });
        if (!unavailable.isEmpty()) {
            ArrayNode list = merged.putArray("x-rapport-unavailable");
            unavailable.forEach(list::add);
        }
        return merged;
    }

    private static void addResponse(ObjectNode responses, String code, String description) {
        if (!responses.has(code)) {
            responses.putObject(code).put("description", description);
        }
    }

    private static boolean isOperation(String key) {
        return List.of("get", "put", "post", "delete", "options", "head", "patch", "trace").contains(key);
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            Map<String, JsonNode> updates = new LinkedHashMap<>();
            object.fields().forEachRemaining(f -> {
                if (f.getKey().equals("$ref") && f.getValue().isTextual() && renames.containsKey(f.getValue().asText())) {
                    updates.put(f.getKey(), TextNode.valueOf(renames.get(f.getValue().asText())));
                } else {
                    rewriteRefs(f.getValue(), renames);
                }
            });
            object.setAll(updates);
        } else if (node instanceof ArrayNode array) {
            array.forEach(n -> rewriteRefs(n, renames));
        }
    }

    private static String safe(String service) {
        return service.replaceAll("[^A-Za-z0-9]", "_");
    }
}
