package io.rapport.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.rapport.devstack.FreePorts;
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
    private static final String MANAGEMENT_PORT = "rapport.it.customer.management-port";

    @Test
    void packagedJarBecomesReadyAndServesAnAuthenticatedRequest() {
        given().port(Integer.getInteger(MANAGEMENT_PORT))
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));

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

    /**
     * What production takes from the environment (the contact digest key), and fixed free ports for the API
     * and the management interface: with the launcher's random API port (quarkus.http.port=0) the packaged app never
     * finishes starting, because its API and management servers then register Micrometer's http_server_bytes_read
     * with different tag keys.
     */
    public static class ProductionSettings implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            int management = FreePorts.next();
            System.setProperty(MANAGEMENT_PORT, Integer.toString(management));
            return Map.of(
                    "quarkus.management.port",
                    Integer.toString(management),
                    "quarkus.http.port",
                    Integer.toString(FreePorts.next()),
                    "rapport.customer.contact-digest-key",
                    "packaged-jar-it-contact-digest-key");
        }

        @Override
        public void stop() {}
    }
}
