package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.rapport.devstack.FreePorts;
import io.rapport.devstack.auth.TestServiceTokens;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The packaged application (target/quarkus-app/quarkus-run.jar, production profile) started by failsafe after
 * {@code package}, on devstack's embedded PostgreSQL and Kafka, the local SMTP server and DirectoryStub (TestInfra's
 * resources, handed to the jar as system properties): it migrates its database (the seeded contact plans), reports
 * ready on the management port and verifies the gateway's service token.
 */
@QuarkusIntegrationTest
@WithTestResource(EngagementPackagedJarIT.ProductionSettings.class)
class EngagementPackagedJarIT {
    private static final String MANAGEMENT_PORT = "rapport.it.engagement.management-port";

    @Test
    void packagedJarBecomesReadyAndServesAnAuthenticatedRequest() {
        given().port(Integer.getInteger(MANAGEMENT_PORT))
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));

        given().header(
                        "Authorization",
                        "Bearer "
                                + TestServiceTokens.sign(
                                        "engagement-service", "packaged-jar-it", Set.of("admin"), null))
                .queryParam("level", "PROACTIVE")
                .get("/api/v1/engagement/plans")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.level", everyItem(equalTo("PROACTIVE")));

        given().get("/api/v1/engagement/plans").then().statusCode(401);
    }

    /**
     * What production takes from the environment (the unsubscribe link key), and fixed free ports for the API
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
                    "rapport.engagement.outreach.unsubscribe-key",
                    "packaged-jar-it-unsubscribe-key-0123456789");
        }

        @Override
        public void stop() {}
    }
}
