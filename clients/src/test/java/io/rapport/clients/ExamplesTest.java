package io.rapport.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example in every document validates against its own schema (JSON Schema 2020-12, the dialect of
 * OpenAPI 3.1): schema {@code examples}/{@code example}, media type and parameter examples.
 */
class ExamplesTest {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    record Example(String where, JsonNode schema, JsonNode value) {}

    static Stream<Arguments> documents() {
        return Documents.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void everyExampleValidatesAgainstItsSchema(String name, Path file) {
        JsonNode doc = Documents.tree(file);
        List<Example> examples = new ArrayList<>();
        doc.path("components")
                .path("schemas")
                .fields()
                .forEachRemaining(s -> schema("#/components/schemas/" + s.getKey(), s.getValue(), examples));
        doc.path("paths")
                .fields()
                .forEachRemaining(p -> p.getValue().fields().forEachRemaining(op -> {
                    String where = op.getKey() + " " + p.getKey();
                    for (JsonNode parameter : op.getValue().path("parameters")) {
                        owner(
                                where + " parameter " + parameter.path("name").asText(),
                                parameter,
                                parameter.path("schema"),
                                examples);
                        schema(
                                where + " parameter " + parameter.path("name").asText(),
                                parameter.path("schema"),
                                examples);
                    }
                    media(where + " request", op.getValue().path("requestBody").path("content"), examples);
                    op.getValue()
                            .path("responses")
                            .fields()
                            .forEachRemaining(r ->
                                    media(where + " " + r.getKey(), r.getValue().path("content"), examples));
                }));
        assertThat(examples).as(name + ": examples found").isNotEmpty();
        List<String> failures = new ArrayList<>();
        for (Example e : examples) {
            ObjectNode root = e.schema().deepCopy();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.set("components", doc.path("components"));
            JsonSchema schema = FACTORY.getSchema(root);
            Set<ValidationMessage> errors = schema.validate(e.value());
            if (!errors.isEmpty()) {
                failures.add(e.where() + ": " + e.value() + " -> " + errors);
            }
        }
        assertThat(failures).as(name).isEmpty();
    }

    private static void media(String where, JsonNode content, List<Example> out) {
        content.fields().forEachRemaining(m -> {
            owner(where + " " + m.getKey(), m.getValue(), m.getValue().path("schema"), out);
            schema(where + " " + m.getKey(), m.getValue().path("schema"), out);
        });
    }

    /** A media type or parameter: {@code example}, and {@code examples} as a map of Example objects. */
    private static void owner(String where, JsonNode owner, JsonNode schema, List<Example> out) {
        if (schema.isMissingNode() || schema.isEmpty()) {
            return;
        }
        if (owner.has("example")) {
            out.add(new Example(where + " example", schema, owner.get("example")));
        }
        owner.path("examples")
                .fields()
                .forEachRemaining(e -> out.add(new Example(
                        where + " examples." + e.getKey(), schema, e.getValue().path("value"))));
    }

    /** A schema and every schema inside it: {@code examples} (an array in 3.1) and {@code example}. */
    private static void schema(String where, JsonNode schema, List<Example> out) {
        if (!schema.isObject()) {
            return;
        }
        if (schema.path("examples").isArray()) {
            for (JsonNode value : schema.get("examples")) {
                out.add(new Example(where + " examples", schema, value));
            }
        }
        if (schema.has("example")) {
            out.add(new Example(where + " example", schema, schema.get("example")));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        schema.path("properties").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            schema(where + "." + p.getKey(), p.getValue(), out);
        }
        schema(where + "[]", schema.path("items"), out);
        schema(where + "{}", schema.path("additionalProperties"), out);
        for (String list : new String[] {"allOf", "anyOf", "oneOf"}) {
            int i = 0;
            for (JsonNode s : schema.path(list)) {
                schema(where + "/" + list + i++, s, out);
            }
        }
    }
}
