package io.rapport.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What makes dev small and prod highly available, and the invariants both must keep to work at all. */
class OverlayShapeTest {

    @Test
    void devRunsOneOfEverything() {
        Rendered dev = Overlay.DEV.rendered();
        assertThat(dev.deployments())
                .extracting(d -> d.path("spec").path("replicas").asInt())
                .containsOnly(1);
        assertThat(brokers(dev)).isEqualTo(1);
        assertThat(dev.ofKind("Cluster"))
                .extracting(c -> c.path("spec").path("instances").asInt())
                .containsOnly(1);
        assertThat(dev.ofKind("HorizontalPodAutoscaler")).isEmpty();
        assertThat(dev.ofKind("PodDisruptionBudget"))
                .as("a PDB on one replica would block node drains")
                .isEmpty();
    }

    @Test
    void prodIsHighlyAvailable() {
        Rendered prod = Overlay.PROD.rendered();
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode d : prod.deployments()) {
            String name = Rendered.name(d);
            Map<String, String> labels = Selectors.podLabels(d);
            soft.assertThat(d.path("spec").has("replicas"))
                    .as("%s leaves its replica count to the HPA", name)
                    .isFalse();
            soft.assertThat(prod.ofKind("HorizontalPodAutoscaler"))
                    .as("HPA of %s", name)
                    .anySatisfy(h -> {
                        assertThat(h.path("spec")
                                        .path("scaleTargetRef")
                                        .path("name")
                                        .asText())
                                .isEqualTo(name);
                        assertThat(h.path("spec")
                                        .path("scaleTargetRef")
                                        .path("kind")
                                        .asText())
                                .isEqualTo("Deployment");
                        assertThat(h.path("spec").path("minReplicas").asInt()).isGreaterThanOrEqualTo(3);
                        assertThat(h.path("spec").path("maxReplicas").asInt())
                                .isGreaterThan(
                                        h.path("spec").path("minReplicas").asInt());
                    });
            soft.assertThat(prod.ofKind("PodDisruptionBudget"))
                    .as("PDB of %s", name)
                    .anySatisfy(p -> {
                        assertThat(Selectors.selects(p.path("spec").path("selector"), labels))
                                .isTrue();
                        assertThat(p.path("spec").path("maxUnavailable").asInt(0))
                                .isEqualTo(1);
                    });
            JsonNode anti = Rendered.podSpec(d).path("affinity").path("podAntiAffinity");
            soft.assertThat(Rendered.elements(anti.path("preferredDuringSchedulingIgnoredDuringExecution")).stream()
                            .map(t -> t.path("podAffinityTerm"))
                            .anyMatch(t -> t.path("topologyKey").asText().equals("kubernetes.io/hostname")
                                    && Selectors.selects(t.path("labelSelector"), labels)))
                    .as("%s: replicas kept on different nodes", name)
                    .isTrue();
        }
        soft.assertThat(brokers(prod)).as("Kafka brokers").isEqualTo(3);
        soft.assertThat(controllers(prod))
                .as("KRaft controllers (an odd quorum)")
                .isEqualTo(3);
        soft.assertThat(prod.ofKind("Cluster")).as("PostgreSQL instances").allSatisfy(c -> {
            assertThat(c.path("spec").path("instances").asInt()).isEqualTo(3);
            assertThat(c.path("spec")
                            .path("affinity")
                            .path("podAntiAffinityType")
                            .asText())
                    .isEqualTo("required");
        });
        soft.assertThat(prod.ofKind("KafkaTopic")).as("topics").allSatisfy(t -> {
            assertThat(t.path("spec").path("replicas").asInt()).isEqualTo(3);
            assertThat(t.path("spec").path("config").path("min.insync.replicas").asInt())
                    .isEqualTo(2);
        });
        soft.assertAll();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void replicationFitsTheBrokers(Overlay overlay) {
        Rendered r = overlay.rendered();
        int brokers = brokers(r);
        JsonNode config = r.ofKind("Kafka").get(0).path("spec").path("kafka").path("config");
        SoftAssertions soft = new SoftAssertions();
        for (String key : List.of(
                "default.replication.factor",
                "offsets.topic.replication.factor",
                "transaction.state.log.replication.factor")) {
            soft.assertThat(config.path(key).asInt()).as("%s", key).isBetween(1, brokers);
        }
        soft.assertThat(config.path("min.insync.replicas").asInt())
                .as("broker min.insync.replicas")
                .isLessThanOrEqualTo(config.path("default.replication.factor").asInt());
        soft.assertThat(config.path("auto.create.topics.enable").asText())
                .as("topics come only from KafkaTopic")
                .isEqualTo("false");
        for (JsonNode t : r.ofKind("KafkaTopic")) {
            int replicas = t.path("spec").path("replicas").asInt();
            int minIsr =
                    t.path("spec").path("config").path("min.insync.replicas").asInt();
            soft.assertThat(replicas)
                    .as("%s replicas <= %d brokers", Rendered.name(t), brokers)
                    .isBetween(1, brokers);
            soft.assertThat(minIsr)
                    .as("%s min.insync.replicas", Rendered.name(t))
                    .isBetween(1, replicas > 1 ? replicas - 1 : 1);
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void connectionPoolsFitTheDatabase(Overlay overlay) {
        Rendered r = overlay.rendered();
        SoftAssertions soft = new SoftAssertions();
        for (ServiceModule module : ServiceModule.all()) {
            if (!module.usesPlatform()) {
                continue;
            }
            JsonNode d = Pods.deploymentOf(module, r).orElseThrow();
            int pool = Integer.parseInt(module.props()
                    .get("quarkus.datasource.jdbc.max-size", Pods.env(d, r))
                    .orElse("20"));
            int maxPods = r.find("HorizontalPodAutoscaler", Rendered.name(d))
                    .map(h -> h.path("spec").path("maxReplicas").asInt())
                    .orElse(d.path("spec").path("replicas").asInt());
            String host = module.props()
                    .get("quarkus.datasource.jdbc.url", Pods.env(d, r))
                    .orElse("")
                    .replaceFirst("^jdbc:postgresql://([^:/]+).*$", "$1")
                    .replaceFirst("-rw$", "");
            int maxConnections = r.get("Cluster", host)
                    .path("spec")
                    .path("postgresql")
                    .path("parameters")
                    .path("max_connections")
                    .asInt(100);
            soft.assertThat(maxPods * pool)
                    .as(
                            "%s: %d pods x pool %d within max_connections %d minus 10 reserved",
                            module.dir(), maxPods, pool, maxConnections)
                    .isLessThanOrEqualTo(maxConnections - 10);
        }
        soft.assertAll();
    }

    private static int brokers(Rendered r) {
        return nodes(r, "broker");
    }

    private static int controllers(Rendered r) {
        return nodes(r, "controller");
    }

    /** Kafka nodes with the given KRaft role over all node pools. */
    private static int nodes(Rendered r, String role) {
        return r.ofKind("KafkaNodePool").stream()
                .filter(p -> Rendered.elements(p.path("spec").path("roles")).stream()
                        .anyMatch(x -> x.asText().equals(role)))
                .mapToInt(p -> p.path("spec").path("replicas").asInt())
                .sum();
    }
}
