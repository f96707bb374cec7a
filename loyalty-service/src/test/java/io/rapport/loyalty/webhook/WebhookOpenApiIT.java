package io.rapport.loyalty.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The webhook operations are documented, and their request examples validate against their own schemas. */
@QuarkusTest
class WebhookOpenApiIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyWebhookOperationIsDescribedAndTheRequestExamplesValidate() throws Exception {
        JsonNode doc = JSON.readTree(given().accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        List<String> paths = List.of(
                "/api/v1/webhooks/subscriptions",
                "/api/v1/webhooks/subscriptions/{id}",
                "/api/v1/webhooks/subscriptions/{id}/rotate-secret",
                "/api/v1/webhooks/subscriptions/{id}/ping",
                "/api/v1/webhooks/subscriptions/{id}/deliveries",
                "/api/v1/webhooks/subscriptions/{id}/deliveries/{deliveryId}",
                "/api/v1/webhooks/subscriptions/{id}/deliveries/{deliveryId}/redeliver",
                "/api/v1/webhooks/subscriptions/{id}/redeliver",
                "/api/v1/webhooks/event-types");
        for (String path : paths) {
            JsonNode item = doc.path("paths").path(path);
            assertThat(item.isObject()).as(path).isTrue();
            item.fields()
                    .forEachRemaining(
                            op -> assertThat(op.getValue().path("summary").asText())
                                    .as("%s %s", op.getKey(), path)
                                    .isNotBlank());
        }
        assertThat(doc.path("paths")
                        .path("/api/v1/webhooks/subscriptions")
                        .path("post")
                        .path("description")
                        .asText())
                .contains("https")
                .contains("eventTypes")
                .contains("secret");
        JsonNode schemas = doc.path("components").path("schemas");
        for (String name : List.of("SubscriptionCreate", "SubscriptionUpdate")) {
            JsonNode examples = schemas.path(name).path("examples");
            assertThat(examples.isArray() && !examples.isEmpty())
                    .as("%s has examples", name)
                    .isTrue();
            for (JsonNode example : examples) {
                JsonNode value = example.isTextual() ? JSON.readTree(example.asText()) : example;
                assertThat(schema(schemas, name).validate(value))
                        .as("%s example %s", name, value)
                        .isEmpty();
            }
        }
    }

    private static JsonSchema schema(JsonNode schemas, String name) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#/components/schemas/" + name);
        root.putObject("components").set("schemas", schemas);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(
                        root,
                        SchemaValidatorsConfig.builder()
                                .formatAssertionsEnabled(true)
                                .build());
    }
}
