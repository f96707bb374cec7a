package io.rapport.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a Deployment's container would see, resolved from the rendered ConfigMaps. */
final class Pods {
    /** Stand-in for values that come from Secrets: real values are never in the manifests. */
    static final String FROM_SECRET = "<from-secret>";

    private Pods() {}

    /** Environment of the container: envFrom ConfigMaps, then env entries (literal, ConfigMap key or Secret key). */
    static Map<String, String> env(JsonNode deployment, Rendered rendered) {
        JsonNode c = Rendered.container(deployment);
        Map<String, String> env = new HashMap<>();
        for (JsonNode from : c.path("envFrom")) {
            if (from.has("configMapRef")) {
                rendered.find(
                                "ConfigMap",
                                from.path("configMapRef").path("name").asText())
                        .ifPresent(cm -> cm.path("data")
                                .fields()
                                .forEachRemaining(
                                        e -> env.put(e.getKey(), e.getValue().asText())));
            }
        }
        for (JsonNode e : c.path("env")) {
            String name = e.path("name").asText();
            if (e.has("value")) {
                env.put(name, e.path("value").asText());
            } else if (e.path("valueFrom").has("configMapKeyRef")) {
                JsonNode ref = e.path("valueFrom").path("configMapKeyRef");
                rendered.find("ConfigMap", ref.path("name").asText())
                        .map(cm -> cm.path("data").path(ref.path("key").asText()))
                        .filter(JsonNode::isTextual)
                        .ifPresent(v -> env.put(name, v.asText()));
            } else if (e.path("valueFrom").has("secretKeyRef")) {
                env.put(name, FROM_SECRET);
            }
        }
        return env;
    }

    /** The Secret an env var of the container is taken from, if any. */
    static Optional<String> secretOf(JsonNode deployment, String envName) {
        for (JsonNode e : Rendered.container(deployment).path("env")) {
            if (envName.equals(e.path("name").asText()) && e.path("valueFrom").has("secretKeyRef")) {
                return Optional.of(
                        e.path("valueFrom").path("secretKeyRef").path("name").asText());
            }
        }
        return Optional.empty();
    }

    /** The Deployment running the module's image, if the overlay has one. */
    static Optional<JsonNode> deploymentOf(ServiceModule module, Rendered rendered) {
        List<JsonNode> matches = rendered.deployments().stream()
                .map(JsonNode.class::cast)
                .filter(d -> imageRepository(Rendered.container(d).path("image").asText())
                        .equals(module.imageRepository()))
                .toList();
        if (matches.size() > 1) {
            throw new AssertionError("more than one Deployment runs " + module.imageRepository());
        }
        return matches.stream().findFirst();
    }

    /** {@code registry.example.com/rapport/gateway:1.0} -> {@code rapport/gateway}. */
    static String imageRepository(String image) {
        String noDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = noDigest.lastIndexOf('/');
        int colon = noDigest.lastIndexOf(':');
        String noTag = colon > slash ? noDigest.substring(0, colon) : noDigest;
        String[] parts = noTag.split("/");
        boolean hasRegistry = parts.length > 2
                || (parts.length == 2
                        && (parts[0].contains(".") || parts[0].contains(":") || parts[0].equals("localhost")));
        return hasRegistry ? noTag.substring(noTag.indexOf('/') + 1) : noTag;
    }

    static String imageTag(String image) {
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash ? image.substring(colon + 1) : "latest";
    }
}
