package io.rapport.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Kubernetes label-selector semantics (matchLabels and matchExpressions). */
final class Selectors {
    private Selectors() {}

    static Map<String, String> labels(JsonNode labelsNode) {
        Map<String, String> labels = new HashMap<>();
        labelsNode
                .fields()
                .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    static Map<String, String> podLabels(JsonNode deployment) {
        return labels(deployment.path("spec").path("template").path("metadata").path("labels"));
    }

    /** A Service's selector is a plain map; an empty selector selects nothing here (Rapport never wants that). */
    static boolean mapSelects(JsonNode selector, Map<String, String> labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        Map<String, String> wanted = labels(selector);
        return labels.entrySet().containsAll(wanted.entrySet());
    }

    /** A LabelSelector (matchLabels + matchExpressions); an empty one selects everything, as in Kubernetes. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (!labels.entrySet().containsAll(labels(selector.path("matchLabels")).entrySet())) {
            return false;
        }
        for (JsonNode expr : selector.path("matchExpressions")) {
            String key = expr.path("key").asText();
            Set<String> values = new HashSet<>();
            expr.path("values").forEach(v -> values.add(v.asText()));
            boolean ok = switch (expr.path("operator").asText()) {
                case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> throw new AssertionError("unknown selector operator " + expr);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
