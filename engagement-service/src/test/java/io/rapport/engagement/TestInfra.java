package io.rapport.engagement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.rapport.devstack.RapportTestInfra;
import io.rapport.devstack.mail.TestMailServer;

/**
 * Every test of this module gets the JVM's shared real Kafka broker and its own real PostgreSQL
 * database (engagement) from devstack, a real SMTP server (GreenMail) and local receivers for customer-service,
 * segmentation and the SMS provider (DirectoryStub); one Quarkus boot serves all test classes.
 */
@QuarkusTestResource(value = RapportTestInfra.class, initArgs = @ResourceArg(name = "database", value = "engagement"))
@QuarkusTestResource(TestMailServer.class)
@QuarkusTestResource(DirectoryStub.class)
public final class TestInfra {
    private TestInfra() {}
}
