package io.rapport.loyalty;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.rapport.devstack.RapportTestInfra;

/**
 * Every test of this module gets the JVM's shared real Kafka broker and its own real PostgreSQL
 * database (loyalty) from devstack; one Quarkus boot serves all test classes.
 */
@QuarkusTestResource(value = RapportTestInfra.class, initArgs = @ResourceArg(name = "database", value = "loyalty"))
public final class TestInfra {
    private TestInfra() {}
}
