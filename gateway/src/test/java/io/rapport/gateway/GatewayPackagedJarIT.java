package io.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.rapport.gateway.support.TestTokens;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged gateway (target/quarkus-app/quarkus-run.jar, production profile) started by failsafe after
 * {@code package}, pointed at the stub services of StubUpstreams (with the test key pairs, handed to the jar as system
 * properties): it reports ready on the management port, accepts a client's JWT and forwards the request with a
 * service token it signed for that service.
 */
@QuarkusIntegrationTest
@WithTestResource(GatewayPackagedJarIT.ProductionSettings.class)
class GatewayPackagedJarIT {
    private static final String MANAGEMENT_PORT = "rapport.it.gateway.management-port";

    @Test
    void packagedJarBecomesReadyAndForwardsAnAuthenticatedRequest() throws Exception {
        given().port(Integer.getInteger(MANAGEMENT_PORT))
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));

        JsonPath echo = given().header("Authorization", "Bearer " + TestTokens.token("alice", "sales"))
                .get("/api/v1/customers/7b4c")
                .then()
                .statusCode(200)
                .header("X-Upstream", "customer")
                .body("path", equalTo("/api/v1/customers/7b4c"))
                .extract()
                .jsonPath();
        var serviceToken = TestTokens.serviceToken(echo.getString("headers.authorization"), "customer-service");
        assertThat(serviceToken.subject()).isEqualTo("alice");
        assertThat(serviceToken.roles()).containsExactly("sales");

        given().get("/api/v1/customers/7b4c").then().statusCode(401);
    }

    /**
     * What production takes from the environment (StubUpstreams gives the keys), and fixed free ports for the API
     * and the management interface: with the launcher's random API port (quarkus.http.port=0) the packaged app never
     * finishes starting, because its API and management servers then register Micrometer's http_server_bytes_read
     * with different tag keys.
     */
    public static class ProductionSettings implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            int management = freePort();
            System.setProperty(MANAGEMENT_PORT, Integer.toString(management));
            return Map.of(
                    "quarkus.management.port",
                    Integer.toString(management),
                    "quarkus.http.port",
                    Integer.toString(freePort()));
        }

        private static int freePort() {
            try (ServerSocket free = new ServerSocket(0)) {
                return free.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {}
    }
}
