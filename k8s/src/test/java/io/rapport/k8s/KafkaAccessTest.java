package io.rapport.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.contracts.Topics;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kafka topics and ACLs follow the services' own configuration: every topic a channel, dead-letter queue or outbox
 * uses exists as a KafkaTopic, and each service's KafkaUser grants exactly what its configuration needs.
 */
class KafkaAccessTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyContractTopicAndDeadLetterTopicIsDeclared(Overlay overlay) {
        assertThat(topicNames(overlay.rendered())).containsExactlyInAnyOrderElementsOf(Topics.allWithDlq());
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyServiceHasExactlyTheAclsItsConfigurationNeeds(Overlay overlay) {
        Rendered rendered = overlay.rendered();
        Set<String> declared = topicNames(rendered);
        SoftAssertions soft = new SoftAssertions();
        for (ServiceModule module : ServiceModule.all()) {
            JsonNode d = Pods.deploymentOf(module, rendered).orElseThrow();
            Map<String, String> env = Pods.env(d, rendered);
            Set<String> needed = new TreeSet<>();
            module.outboxTopic()
                    .ifPresent(t -> needed.addAll(Set.of("topic:" + t + ":Write", "topic:" + t + ":Describe")));
            for (ServiceModule.Channel ch : module.kafkaChannels(env)) {
                String op = ch.incoming() ? "Read" : "Write";
                needed.addAll(Set.of("topic:" + ch.topic() + ":" + op, "topic:" + ch.topic() + ":Describe"));
                if (ch.incoming()) {
                    needed.addAll(Set.of("group:" + ch.groupId() + ":Read", "group:" + ch.groupId() + ":Describe"));
                }
                ch.dlqTopic()
                        .ifPresent(t -> needed.addAll(Set.of("topic:" + t + ":Write", "topic:" + t + ":Describe")));
            }
            needed.stream()
                    .filter(a -> a.startsWith("topic:"))
                    .map(a -> a.split(":")[1])
                    .forEach(t -> soft.assertThat(declared)
                            .as("KafkaTopic for %s used by %s", t, module.dir())
                            .contains(t));

            Optional<String> user = Pods.secretOf(d, "KAFKA_SASL_JAAS_CONFIG");
            if (needed.isEmpty()) {
                soft.assertThat(user)
                        .as("%s uses no Kafka, so it gets no Kafka credentials", module.dir())
                        .isEmpty();
                continue;
            }
            soft.assertThat(user)
                    .as(
                            "%s reads its Kafka credentials (KAFKA_SASL_JAAS_CONFIG) from its KafkaUser's Secret",
                            module.dir())
                    .contains(module.appName());
            Optional<JsonNode> kafkaUser =
                    user.flatMap(u -> rendered.find("KafkaUser", u)).map(JsonNode.class::cast);
            soft.assertThat(kafkaUser).as("KafkaUser of %s", module.dir()).isPresent();
            kafkaUser.ifPresent(u -> soft.assertThat(granted(u))
                    .as("ACLs of KafkaUser %s", Rendered.name(u))
                    .containsExactlyInAnyOrderElementsOf(needed));
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void aclsNameTopicsLiterallyAndEveryUserBelongsToTheCluster(Overlay overlay) {
        Rendered rendered = overlay.rendered();
        String cluster = Rendered.name(rendered.ofKind("Kafka").get(0));
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode user : rendered.ofKind("KafkaUser")) {
            soft.assertThat(user.path("metadata")
                            .path("labels")
                            .path("strimzi.io/cluster")
                            .asText())
                    .as("cluster of %s", Rendered.id(user))
                    .isEqualTo(cluster);
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                soft.assertThat(resource.path("patternType").asText())
                        .as("pattern of %s ACL %s", Rendered.id(user), acl)
                        .isEqualTo("literal");
                soft.assertThat(resource.path("name").asText())
                        .as("resource of %s", Rendered.id(user))
                        .isNotIn("*", "");
                soft.assertThat(acl.path("type").asText("allow")).isEqualTo("allow");
            }
        }
        for (JsonNode topic : rendered.ofKind("KafkaTopic")) {
            soft.assertThat(topic.path("metadata")
                            .path("labels")
                            .path("strimzi.io/cluster")
                            .asText())
                    .as("cluster of %s", Rendered.id(topic))
                    .isEqualTo(cluster);
            JsonNode spec = topic.path("spec");
            soft.assertThat(spec.path("partitions").asInt())
                    .as("partitions of %s", Rendered.id(topic))
                    .isPositive();
            soft.assertThat(spec.path("config").path("retention.ms").asLong())
                    .as("retention of %s", Rendered.id(topic))
                    .isPositive();
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void consumersRememberProcessedEventsLongerThanTopicsKeepThem(Overlay overlay) {
        Rendered rendered = overlay.rendered();
        SoftAssertions soft = new SoftAssertions();
        for (ServiceModule module : ServiceModule.all()) {
            JsonNode d = Pods.deploymentOf(module, rendered).orElseThrow();
            Map<String, String> env = Pods.env(d, rendered);
            java.time.Duration remembered = module.props()
                    .get("rapport.inbox.retention", env)
                    .map(Quantities::duration)
                    .orElse(java.time.Duration.parse("P90D")); // InboxConfig#retention default
            for (ServiceModule.Channel ch : module.kafkaChannels(env)) {
                if (!ch.incoming()) {
                    continue;
                }
                rendered.ofKind("KafkaTopic").stream()
                        .filter(t -> ch.topic()
                                .equals(t.path("spec").path("topicName").asText()))
                        .forEach(t -> soft.assertThat(java.time.Duration.ofMillis(t.path("spec")
                                        .path("config")
                                        .path("retention.ms")
                                        .asLong()))
                                .as(
                                        "%s keeps records shorter than %s remembers their ids (redelivery is deduplicated)",
                                        ch.topic(), module.dir())
                                .isLessThan(remembered));
            }
        }
        soft.assertAll();
    }

    private static Set<String> topicNames(Rendered rendered) {
        Set<String> names = new TreeSet<>();
        rendered.ofKind("KafkaTopic")
                .forEach(t -> names.add(t.path("spec").path("topicName").asText(Rendered.name(t))));
        return names;
    }

    /** "type:name:Operation" for every operation the user's ACLs allow. */
    private static Set<String> granted(JsonNode user) {
        Set<String> granted = new TreeSet<>();
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            String resource = acl.path("resource").path("type").asText() + ":"
                    + acl.path("resource").path("name").asText();
            acl.path("operations").forEach(op -> granted.add(resource + ":" + op.asText()));
        }
        return granted;
    }
}
