package io.rapport.devstack;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * What every service's packaged-jar test ({@code @QuarkusIntegrationTest}) hands the production jar: what production
 * takes from the environment (a subclass adds it in {@link #production()}), and fixed free ports for the API and the
 * management interface: with the launcher's random API port (quarkus.http.port=0) the packaged app never finishes
 * starting, because its API and management servers then register Micrometer's http_server_bytes_read with different
 * tag keys. Use: {@code @WithTestResource(MyPackagedJarIT.Settings.class)} with
 * {@code public static class Settings extends PackagedJarSettings}, then {@link #assertReady()} in the test.
 */
public abstract class PackagedJarSettings implements QuarkusTestResourceLifecycleManager {
    private static final String MANAGEMENT_PORT = "rapport.it.packaged-jar.management-port";

    /** What production refuses to start without, beyond the infrastructure (none by default). */
    protected Map<String, String> production() {
        return Map.of();
    }

    @Override
    public final Map<String, String> start() {
        int management = FreePorts.next();
        System.setProperty(MANAGEMENT_PORT, Integer.toString(management));
        Map<String, String> config = new HashMap<>(production());
        config.put("quarkus.management.port", Integer.toString(management));
        config.put("quarkus.http.port", Integer.toString(FreePorts.next()));
        return config;
    }

    @Override
    public void stop() {}

    /** The packaged app reports ready on its management port. */
    public static void assertReady() {
        given().port(Integer.getInteger(MANAGEMENT_PORT))
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }
}
