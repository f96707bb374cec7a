package io.rapport.customer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.rapport.devstack.RapportTestInfra;

/**
 * Every test of this module gets the JVM's shared real Kafka broker and its own real PostgreSQL
 * database (customer) from devstack; one Quarkus boot serves all test classes.
 */
@QuarkusTestResource(
        value = RapportTestInfra.class,
        initArgs = {
            @ResourceArg(name = "database", value = "customer"),
            @ResourceArg(name = "trusted-services", value = "engagement-service")
        })
public final class TestInfra {
    private TestInfra() {}
}
