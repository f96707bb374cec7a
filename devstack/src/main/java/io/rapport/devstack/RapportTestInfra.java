package io.rapport.devstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.rapport.devstack.auth.TestServiceTokens;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Gives a Quarkus test the JVM's shared Kafka broker and its own database on the shared PostgreSQL
 * server. Use with the init argument {@code database} (e.g. {@code customer}):
 * {@code @QuarkusTestResource(value = RapportTestInfra.class, initArgs = @ResourceArg(name = "database", value = "customer"))}.
 */
public class RapportTestInfra implements QuarkusTestResourceLifecycleManager {
    /** System property that carries the stack to Quarkus restarts in other class loaders. */
    private static final String STARTED = "rapport.devstack.started";

    private String database = "rapport";
    private List<String> trustedServices = List.of();

    /**
     * {@code database}: the service's database name; {@code trusted-services}: comma-separated services whose own
     * tokens the service accepts (as in its production configuration, e.g. {@code engagement-service} for customer-
     * and segmentation-service), each verified with that service's test key ({@link TestServiceTokens#signAsService}).
     */
    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        trustedServices = Arrays.stream(
                        initArgs.getOrDefault("trusted-services", "").split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        String db;
        synchronized (System.getProperties()) {
            if (System.getProperty(STARTED + ".kafka") == null) {
                DevStack stack = DevStack.shared();
                // a fresh database per test JVM, so a configured server (RAPPORT_DB_URL) that outlives the run never
                // hands one run the rows of the previous one
                System.setProperty(
                        STARTED + ".suffix", "_t" + UUID.randomUUID().toString().substring(0, 8));
                System.setProperty(STARTED + ".kafka", stack.kafkaBootstrap());
                System.setProperty(STARTED + ".url", stack.postgres().jdbcUrl("%s"));
                System.setProperty(
                        STARTED + ".admin-url",
                        stack.postgres().jdbcUrl(stack.postgres().maintenanceDatabase()));
                System.setProperty(STARTED + ".user", stack.postgres().username());
                System.setProperty(STARTED + ".password", stack.postgres().password());
            }
            db = database + System.getProperty(STARTED + ".suffix");
            PostgresServer server = new ExternalPostgres(
                    System.getProperty(STARTED + ".admin-url"),
                    System.getProperty(STARTED + ".user"),
                    System.getProperty(STARTED + ".password"));
            if (System.getProperty(STARTED + ".db." + db) == null) {
                server.ensureDatabase(db);
                System.setProperty(STARTED + ".db." + db, "created");
                if (System.getenv("RAPPORT_DB_URL") != null) { // an embedded server is deleted whole at exit
                    Runtime.getRuntime()
                            .addShutdownHook(new Thread(() -> server.dropDatabaseQuietly(db), "drop-" + db));
                }
            }
        }
        config.put(
                "quarkus.datasource.jdbc.url",
                System.getProperty(STARTED + ".url").replace("%s", db));
        config.put("quarkus.datasource.username", System.getProperty(STARTED + ".user"));
        config.put("quarkus.datasource.password", System.getProperty(STARTED + ".password"));
        config.put("kafka.bootstrap.servers", System.getProperty(STARTED + ".kafka"));
        // the services verify tokens signed by this JVM's test key (see auth.ServiceTokenTestFilter)
        config.put("rapport.service-token.public-key-location", TestServiceTokens.publicKeyLocation());
        for (String service : trustedServices) {
            config.put(
                    "rapport.service-token.services." + service + ".public-key-location",
                    TestServiceTokens.servicePublicKeyLocation(service));
        }
        return config;
    }

    @Override
    public void stop() {
        // the stack is shared by the whole test JVM and stops with it
    }
}
