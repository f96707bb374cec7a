package io.rapport.loyalty;

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

/** The partner flow's request examples in the OpenAPI document validate against their own schemas. */
@QuarkusTest
class OpenApiExamplesIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> PARTNER_FLOW =
            List.of("PartnerCreate", "PartnerEarn", "PartnerBurn", "LinkRequest", "CodeRequest");

    @Test
    void thePartnerFlowIsDocumentedWithExamplesThatValidate() throws Exception {
        JsonNode doc = JSON.readTree(given().accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        JsonNode schemas = doc.path("components").path("schemas");
        for (String name : PARTNER_FLOW) {
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
        ObjectNode tooMany =
                (ObjectNode) JSON.readTree("{\"memberNumber\":\"HAIER-7K3M9QX2B4TD\",\"code\":\"4F7Q9ZKM\","
                        + "\"points\":-5,\"reference\":\"R\"}");
        assertThat(schema(schemas, "PartnerBurn").validate(tooMany))
                .as("the schema bounds points")
                .isNotEmpty();

        String burn = doc.path("paths")
                .path("/api/v1/loyalty/partner/burn")
                .path("post")
                .path("description")
                .asText();
        assertThat(burn)
                .contains("linked")
                .contains("code")
                .contains("redemption-refused")
                .contains("balance");
        assertThat(doc.path("paths").has("/api/v1/loyalty/members/{id}/redemption-codes"))
                .isTrue();
        assertThat(doc.path("paths").has("/api/v1/loyalty/members/{id}/partner-links"))
                .isTrue();
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
