package io.rapport.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every document a client could be generated from (the merged one and each module's) is valid OpenAPI 3.1 for
 * swagger-parser without a single message, and usable by a generator: a unique operationId per operation, a typed
 * body for every success that has one, problem+json for every error, no framework types, no two schema names that
 * a generator would turn into one class.
 */
class OpenApiDocumentsTest {
    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final Set<String> FRAMEWORK = Set.of(
            "RoutingContext",
            "Buffer",
            "ByteBuf",
            "User",
            "Session",
            "JsonNode",
            "JsonObject",
            "JsonArray",
            "AuthProvider",
            "HttpServerRequest",
            "ResponseBody",
            "Response",
            "UriInfo",
            "HttpHeaders",
            "Object");

    static Stream<Arguments> documents() {
        return Documents.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void swaggerParserFindsNothingToSay(String name, Path file) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(Documents.text(file), null, options);
        assertThat(result.getOpenAPI()).as(name).isNotNull();
        assertThat(result.getMessages()).as(name).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).as(name).isEqualTo("3.1.0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void everyOperationIsUsableByAGenerator(String name, Path file) {
        JsonNode doc = Documents.tree(file);
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        doc.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    if (!METHODS.contains(op.getKey())) {
                        return;
                    }
                    String where = op.getKey().toUpperCase() + " " + path.getKey();
                    JsonNode operation = op.getValue();
                    String id = operation.path("operationId").asText("");
                    if (id.isEmpty() || !id.matches("[a-z][A-Za-z0-9]*") || !ids.add(id.toLowerCase())) {
                        problems.add(where + ": operationId '" + id + "' missing, not camelCase or not unique");
                    }
                    if (operation.path("tags").isEmpty()) {
                        problems.add(where + ": no tag");
                    }
                    if (op.getKey().equals("get") && operation.has("requestBody")) {
                        problems.add(where + ": a GET with a request body");
                    }
                    operation.path("responses").fields().forEachRemaining(r -> {
                        String code = r.getKey();
                        JsonNode content = r.getValue().path("content");
                        if (code.startsWith("2") && !code.equals("204")) {
                            if (content.isEmpty()) {
                                problems.add(where + " " + code + ": no body declared");
                            }
                            content.fields().forEachRemaining(m -> {
                                if (m.getValue().path("schema").isEmpty()) {
                                    problems.add(where + " " + code + " " + m.getKey() + ": empty schema");
                                }
                            });
                        }
                        if (code.startsWith("4") || code.startsWith("5")) {
                            if (!content.path("application/problem+json")
                                    .path("schema")
                                    .path("$ref")
                                    .asText()
                                    .equals("#/components/schemas/Problem")) {
                                problems.add(where + " " + code + ": not problem+json");
                            }
                        }
                        if (code.equals("201")
                                && operation
                                        .path("responses")
                                        .path("201")
                                        .path("headers")
                                        .has("Location")) {
                            // fine: a created resource names its address
                        }
                    });
                    if (!op.getKey().equals("get")
                            && (operation.has("requestBody")
                                    || operation.path("parameters").size() > 0)
                            && !operation.path("responses").has("400")) {
                        problems.add(where + ": 400 not declared");
                    }
                }));
        assertThat(problems).as(name).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void noFrameworkTypesAndNoSchemaNamesThatCollideInAGenerator(String name, Path file) {
        JsonNode schemas = Documents.tree(file).path("components").path("schemas");
        Map<String, String> normalised = new java.util.HashMap<>();
        schemas.fieldNames().forEachRemaining(schema -> {
            assertThat(FRAMEWORK).as(name + ": framework type leaked").doesNotContain(schema);
            String key = schema.replaceAll("[^A-Za-z0-9]", "").toLowerCase();
            assertThat(normalised.put(key, schema))
                    .as(name + ": " + schema + " collides")
                    .isNull();
        });
    }

    @Test
    void theMergedDocumentHasEveryServiceTheCustomer360AndAYamlTwin() throws Exception {
        JsonNode merged = Documents.tree(Documents.MERGED.resolve("rapport-openapi.json"));
        assertThat(merged.path("paths").has("/api/v1/customers/{id}/360")).isTrue();
        JsonNode c360 = merged.at("/paths/~1api~1v1~1customers~1{id}~1360/get");
        assertThat(c360.has("requestBody")).isFalse();
        assertThat(c360.at("/responses/200/content/application~1json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/Customer360");
        assertThat(merged.at("/components/schemas/Customer360Part/properties/data/type")
                        .asText())
                .isEqualTo("object");
        for (String prefix :
                List.of("/api/v1/customers", "/api/v1/segments", "/api/v1/engagement", "/api/v1/loyalty")) {
            assertThat(merged.path("paths").fieldNames()).toIterable().anyMatch(p -> p.startsWith(prefix));
        }
        assertThat(merged.path("x-rapport-unavailable").isMissingNode()).isTrue();
        JsonNode yaml = new YAMLMapper()
                .readTree(Documents.MERGED.resolve("rapport-openapi.yaml").toFile());
        assertThat(yaml.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(yaml.path("paths").fieldNames())
                .toIterable()
                .containsExactlyElementsOf(() -> merged.path("paths").fieldNames());
        assertThat(yaml.at("/components/schemas").fieldNames())
                .toIterable()
                .containsExactlyElementsOf(
                        () -> merged.at("/components/schemas").fieldNames());
    }

    @Test
    void closedValuesAreEnumsAndRequiredParametersAreRequired() {
        JsonNode merged = Documents.tree(Documents.MERGED.resolve("rapport-openapi.json"));
        assertThat(parameter(merged, "/api/v1/engagement/contacts/agenda", "assignee")
                        .path("required")
                        .asBoolean())
                .isTrue();
        assertThat(parameter(merged, "/api/v1/engagement/interactions", "customerId")
                        .path("required")
                        .asBoolean())
                .isTrue();
        for (String path : List.of("/api/v1/segments/levels", "/api/v1/segments/transitions")) {
            JsonNode scheme = parameter(merged, path, "scheme");
            assertThat(scheme.path("required").asBoolean()).as(path).isTrue();
            assertThat(scheme.at("/schema/enum").toString()).as(path).isEqualTo("[\"ABC\",\"VALUE\"]");
        }
    }

    @Test
    void moneyIsADecimalStringEverywhere() {
        JsonNode merged = Documents.tree(Documents.MERGED.resolve("rapport-openapi.json"));
        JsonNode line = merged.at("/components/schemas/Line/properties/unitPrice");
        assertThat(line.path("type").asText()).isEqualTo("string");
        assertThat("39.90").matches(line.path("pattern").asText());
        List<String> numbers = new ArrayList<>();
        merged.path("components")
                .path("schemas")
                .fields()
                .forEachRemaining(s -> s.getValue().path("properties").fields().forEachRemaining(p -> {
                    if (p.getValue().path("type").asText().equals("number")) {
                        numbers.add(s.getKey() + "." + p.getKey());
                    }
                }));
        assertThat(numbers)
                .as("decimals travel as strings, never as JSON numbers")
                .isEmpty();
    }

    private static JsonNode parameter(JsonNode doc, String path, String name) {
        for (JsonNode p : doc.path("paths").path(path).path("get").path("parameters")) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + name + " on GET " + path);
    }
}
