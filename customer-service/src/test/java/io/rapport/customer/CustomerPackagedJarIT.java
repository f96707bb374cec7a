package io.rapport.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.rapport.devstack.PackagedJarSettings;
import io.rapport.devstack.auth.TestServiceTokens;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged application (target/quarkus-app/quarkus-run.jar, production profile) started by failsafe after
 * {@code package}, on devstack's embedded PostgreSQL and Kafka (TestInfra's resource, handed to the jar as system
 * properties): it migrates its database, reports ready on the management port, verifies the gateway's service token
 * and serves a write and a read.
 */
@QuarkusIntegrationTest
@WithTestResource(CustomerPackagedJarIT.ProductionSettings.class)
class CustomerPackagedJarIT {
    @Test
    void packagedJarBecomesReadyAndServesAnAuthenticatedRequest() {
        PackagedJarSettings.assertReady();

        String email = "jar-" + UUID.randomUUID() + "@example.org";
        String id = asAdmin()
                .contentType(ContentType.JSON)
                .body("""
                {"kind":"CONSUMER","givenName":"Ada","familyName":"Lovelace","emails":[{"value":"%s"}],
                 "locale":"en-GB","timeZone":"Europe/London"}""".formatted(email))
                .post("/api/v1/customers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        asAdmin()
                .get("/api/v1/customers/" + id)
                .then()
                .statusCode(200)
                .body("givenName", equalTo("Ada"))
                .body("emails[0].value", equalTo(email));

        given().get("/api/v1/customers/" + id).then().statusCode(401);
    }

    private static io.restassured.specification.RequestSpecification asAdmin() {
        return given().header(
                        "Authorization",
                        "Bearer "
                                + TestServiceTokens.sign("customer-service", "packaged-jar-it", Set.of("admin"), null));
    }

    /** What production takes from the environment (the contact digest key), and free ports (see PackagedJarSettings). */
    public static class ProductionSettings extends PackagedJarSettings {
        @Override
        protected Map<String, String> production() {
            return Map.of("rapport.customer.contact-digest-key", "packaged-jar-it-contact-digest-key");
        }
    }
}
