package io.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiAllIT {

    @Test
    void theMergedDocumentHoldsEveryServicesPathsAndTheSecuritySchemes() {
        given().when().get("/q/openapi-all")
                .then().statusCode(200)
                .body("paths", hasKey("/api/v1/customers/{id}"))
                .body("paths", hasKey("/api/v1/segments/{id}"))
                .body("paths", hasKey("/api/v1/engagement/{id}"))
                .body("paths", hasKey("/api/v1/loyalty/{id}"))
                .body("paths", hasKey("/api/v1/customers/{id}/360"))
                .body("components.securitySchemes", hasKey("bearer"))
                .body("components.securitySchemes.partnerApiKey.name", equalTo("X-Api-Key"))
                .body("components.schemas", hasKey("Summary"))
                .body("components.schemas", hasKey("segmentation_Summary"));
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
