package io.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiAllIT {

    @Test
    void theMergedDocumentHoldsEveryServicesPathsAndTheSecuritySchemes() {
        given().when()
                .get("/q/openapi-all")
                .then()
                .statusCode(200)
                .body("paths", hasKey("/api/v1/customers/{id}"))
                .body("paths", hasKey("/api/v1/segments/{id}"))
                .body("paths", hasKey("/api/v1/engagement/{id}"))
                .body("paths", hasKey("/api/v1/loyalty/{id}"))
                .body("paths", hasKey("/api/v1/customers/{id}/360"))
                .body("components.securitySchemes", hasKey("bearer"))
                .body("components.securitySchemes.partnerApiKey.name", equalTo("X-Api-Key"))
                .body("components.schemas", hasKey("Summary"))
                .body("components.schemas", hasKey("SegmentationSummary"))
                .body("openapi", equalTo("3.1.0"));
    }

    @Test
    void theMergedDocumentIsAlsoServedAsYaml() {
        String yaml = given().when()
                .get("/q/openapi-all.yaml")
                .then()
                .statusCode(200)
                .contentType(containsString("application/yaml"))
                .extract()
                .asString();
        assertThat(yaml).startsWith("openapi: 3.1.0").contains("/api/v1/customers/{id}/360:");
        given().accept("application/yaml")
                .when()
                .get("/q/openapi-all")
                .then()
                .statusCode(200)
                .contentType(containsString("application/yaml"));
    }

    @Test
    void customer360IsAPlainGetWithATypedAnswerAndNoFrameworkTypes() {
        String doc = given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        io.restassured.path.json.JsonPath json = io.restassured.path.json.JsonPath.from(doc);
        assertThat(json.getMap("paths.'/api/v1/customers/{id}/360'.get")).doesNotContainKey("requestBody");
        assertThat(json.getString("paths.'/api/v1/customers/{id}/360'.get.operationId"))
                .isEqualTo("getCustomer360");
        assertThat(json.getString("paths.'/api/v1/customers/{id}/360'.get.parameters[0].schema.format"))
                .isEqualTo("uuid");
        assertThat(json.getMap("components.schemas"))
                .doesNotContainKeys(
                        "RoutingContext",
                        "Buffer",
                        "ByteBuf",
                        "User",
                        "Session",
                        "JsonNode",
                        "JsonObject",
                        "JsonArray",
                        "AuthProvider",
                        "Status");
        assertThat(json.getString("components.schemas.Customer360Part.properties.data.type"))
                .isEqualTo("object");
        assertThat(json.getString("components.schemas.Customer360Part.properties.status.$ref"))
                .isEqualTo("#/components/schemas/Customer360PartStatus");
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
