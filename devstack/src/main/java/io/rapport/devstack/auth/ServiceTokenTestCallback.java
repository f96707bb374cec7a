package io.rapport.devstack.auth;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Registered through {@code META-INF/services}: before every {@code @QuarkusTest} method, makes sure REST Assured
 * sends requests through {@link ServiceTokenTestFilter}, so every service test authenticates like a request the
 * gateway forwarded, without changing the tests.
 */
public final class ServiceTokenTestCallback implements QuarkusTestBeforeEachCallback {
    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(ServiceTokenTestFilter.INSTANCE)) {
            RestAssured.filters(ServiceTokenTestFilter.INSTANCE);
        }
    }
}
