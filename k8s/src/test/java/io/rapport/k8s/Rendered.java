package io.rapport.k8s;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** The objects of one rendered overlay, as JSON trees (typed checks deserialize them separately). */
record Rendered(List<ObjectNode> objects) {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Rendered parse(String yaml) {
        List<ObjectNode> objects = new ArrayList<>();
        try (JsonParser parser = YAML.getFactory().createParser(yaml);
                MappingIterator<JsonNode> docs = YAML.readValues(parser, JsonNode.class)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && doc.isObject() && !doc.isEmpty()) {
                    objects.add((ObjectNode) doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Rendered(List.copyOf(objects));
    }

    List<ObjectNode> ofKind(String kind) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()))
                .toList();
    }

    Optional<ObjectNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(name(o))).findFirst();
    }

    ObjectNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " is rendered"));
    }

    List<ObjectNode> deployments() {
        return ofKind("Deployment");
    }

    static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    static String id(JsonNode o) {
        return o.path("kind").asText() + "/" + name(o);
    }

    /** The single application container of a Deployment (Rapport pods have exactly one). */
    static JsonNode container(JsonNode deployment) {
        JsonNode containers =
                deployment.path("spec").path("template").path("spec").path("containers");
        if (containers.size() != 1) {
            throw new AssertionError(id(deployment) + " must have exactly one container, has " + containers.size());
        }
        return containers.get(0);
    }

    static JsonNode podSpec(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec");
    }

    static List<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
