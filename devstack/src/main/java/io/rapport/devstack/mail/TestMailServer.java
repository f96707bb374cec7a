package io.rapport.devstack.mail;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.rapport.devstack.FreePorts;
import java.util.Map;

/**
 * Gives a Quarkus test a real SMTP server (one per test JVM, on a free port) and points Quarkus Mailer at it, with
 * the mock mailer of the test profile switched off: a test reads what was really sent with {@link #shared()}.
 * Use beside RapportTestInfra: {@code @QuarkusTestResource(TestMailServer.class)}.
 */
public class TestMailServer implements QuarkusTestResourceLifecycleManager {
    private static LocalMailServer shared;

    /** The JVM's test SMTP server, started on first use. */
    public static synchronized LocalMailServer shared() {
        if (shared == null) {
            shared = LocalMailServer.start(FreePorts.next());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-mail-shutdown"));
        }
        return shared;
    }

    @Override
    public Map<String, String> start() {
        LocalMailServer mail = shared();
        return Map.of(
                "quarkus.mailer.mock",
                "false",
                "quarkus.mailer.host",
                "127.0.0.1",
                "quarkus.mailer.port",
                String.valueOf(mail.port()),
                "quarkus.mailer.start-tls",
                "DISABLED",
                "quarkus.mailer.tls",
                "false");
    }

    @Override
    public void stop() {
        // shared by the whole test JVM; an outage test starts it again itself
    }
}
