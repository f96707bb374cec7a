package io.rapport.platform;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.rapport.devstack.RapportTestInfra;

/** The platform's tests run against a real Kafka broker and a real PostgreSQL from devstack. */
@QuarkusTestResource(value = RapportTestInfra.class, initArgs = @ResourceArg(name = "database", value = "platform"))
public final class TestInfra {
    private TestInfra() {}
}
