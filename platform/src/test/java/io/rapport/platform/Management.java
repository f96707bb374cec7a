package io.rapport.platform;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/** Requests to the management interface (health and metrics live on their own port, not the API port). */
final class Management {
    private Management() {}

    static RequestSpecification given() {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        return RestAssured.given().port(port);
    }
}
