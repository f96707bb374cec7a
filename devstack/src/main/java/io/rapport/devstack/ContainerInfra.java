package io.rapport.devstack;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL 17 and Kafka in containers, used only when {@code RAPPORT_INFRA=containers} and Docker answers. */
final class ContainerInfra {
    static final String NO_DOCKER = "RAPPORT_INFRA=containers was asked for, but no Docker daemon is reachable. "
            + "Unset RAPPORT_INFRA to use the embedded PostgreSQL and Kafka, or start Docker.";

    private ContainerInfra() {}

    static void requireDocker() {
        boolean available;
        try {
            available = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            available = false;
        }
        if (!available) {
            throw new IllegalStateException(NO_DOCKER);
        }
    }

    static PostgresServer postgres() {
        PostgreSQLContainer pg = new PostgreSQLContainer("postgres:17");
        pg.start();
        return new ExternalPostgres(pg.getJdbcUrl(), pg.getUsername(), pg.getPassword()) {
            @Override
            public void close() {
                pg.stop();
            }
        };
    }

    static KafkaContainer kafka() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
        kafka.start();
        return kafka;
    }
}
