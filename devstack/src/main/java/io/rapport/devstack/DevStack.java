package io.rapport.devstack;

import io.rapport.contracts.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The infrastructure of one JVM: one Kafka broker and one PostgreSQL server, started once and shared
 * by every test class (and every Quarkus restart) in the JVM.
 *
 * <p>PostgreSQL, in this order: {@code RAPPORT_DB_URL} (+ {@code RAPPORT_DB_USER}/{@code RAPPORT_DB_PASSWORD})
 * names a server to use; else {@code RAPPORT_INFRA=containers} starts Testcontainers (failing fast without
 * Docker); else an embedded PostgreSQL 17. Kafka: {@code RAPPORT_KAFKA_BOOTSTRAP} names a broker to use;
 * else containers as above; else a KRaft broker inside this JVM.
 */
public final class DevStack {
    private static DevStack shared;

    private final PostgresServer postgres;
    private final String kafkaBootstrap;
    private final AutoCloseable kafka;
    private final EmbeddedKafka embeddedKafka;

    private DevStack(PostgresServer postgres, String kafkaBootstrap, AutoCloseable kafka) {
        this.postgres = postgres;
        this.kafkaBootstrap = kafkaBootstrap;
        this.kafka = kafka;
        this.embeddedKafka = kafka instanceof EmbeddedKafka e ? e : null;
    }

    /** The JVM's shared stack, started on first use and stopped when the JVM exits. */
    public static synchronized DevStack shared() {
        if (shared == null) {
            Path scratch = ProjectDirs.rapportDir()
                    .resolve("test")
                    .resolve(UUID.randomUUID().toString().substring(0, 8));
            shared = start(scratch, FreePorts.next(), FreePorts.next(), false);
            DevStack s = shared;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                s.close();
                                ProjectDirs.deleteQuietly(scratch);
                            },
                            "devstack-shutdown"));
        }
        return shared;
    }

    /**
     * Starts a stack with its files under {@code dataDir}.
     *
     * @param keepData keep PostgreSQL and Kafka data across restarts (./crm up) instead of starting clean (tests)
     */
    public static DevStack start(Path dataDir, int postgresPort, int kafkaPort, boolean keepData) {
        boolean containers = "containers".equalsIgnoreCase(env("RAPPORT_INFRA"));
        if (containers) {
            ContainerInfra.requireDocker();
        }
        PostgresServer pg;
        if (env("RAPPORT_DB_URL") != null) {
            pg = new ExternalPostgres(env("RAPPORT_DB_URL"), env("RAPPORT_DB_USER"), env("RAPPORT_DB_PASSWORD"));
        } else if (containers) {
            pg = ContainerInfra.postgres();
        } else {
            pg = EmbeddedPostgresServer.start(postgresPort, dataDir.resolve("postgres"), keepData);
        }
        String bootstrap;
        AutoCloseable kafka;
        if (env("RAPPORT_KAFKA_BOOTSTRAP") != null) {
            bootstrap = env("RAPPORT_KAFKA_BOOTSTRAP");
            kafka = () -> {};
        } else if (containers) {
            var container = ContainerInfra.kafka();
            bootstrap = container.getBootstrapServers();
            kafka = container::stop;
        } else {
            EmbeddedKafka embedded = EmbeddedKafka.start(kafkaPort, dataDir.resolve("kafka"));
            bootstrap = embedded.bootstrapServers();
            kafka = embedded;
        }
        createTopics(bootstrap);
        return new DevStack(pg, bootstrap, kafka);
    }

    /**
     * Creates every Rapport topic and its dead-letter topic (3 partitions) if missing, so the first
     * publisher never races the broker's auto-creation of a topic.
     */
    public static void createTopics(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            var existing = admin.listTopics().names().get();
            List<NewTopic> missing = Topics.allWithDlq().stream()
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, 3, (short) 1))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the Rapport topics on " + bootstrap, e);
        }
    }

    private static String env(String name) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? null : v;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    /** Takes the embedded broker down (a Kafka outage; PostgreSQL keeps running). */
    public void stopKafka() {
        requireEmbeddedKafka().stop();
    }

    /** Brings the embedded broker back on the same port with its data. */
    public void startKafka() {
        requireEmbeddedKafka().start();
    }

    public boolean kafkaRunning() {
        return embeddedKafka == null || embeddedKafka.running();
    }

    /** Restarts PostgreSQL in place: open connections are terminated, new ones refused for {@code downtime}. */
    public void restartPostgres(java.time.Duration downtime) {
        postgres.restart(downtime);
    }

    private EmbeddedKafka requireEmbeddedKafka() {
        if (embeddedKafka == null) {
            throw new UnsupportedOperationException(
                    "devstack can stop and start only the Kafka broker it runs itself, not " + kafkaBootstrap);
        }
        return embeddedKafka;
    }

    public synchronized void close() {
        try {
            kafka.close();
        } catch (Exception ignored) {
            // stopping anyway
        }
        postgres.close();
    }
}
