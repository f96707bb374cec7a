package io.rapport.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed validation of rendered objects: the fabric8 Kubernetes model for built-in kinds and the Prometheus Operator's
 * ServiceMonitor, Strimzi's published API model for Kafka resources, and a JSON schema of the fields we use for
 * CloudNativePG (which publishes no Java model). Returns the problems found, empty when the object conforms.
 */
final class Models {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** apiVersion + "/" + kind to model class. */
    static final Map<String, Class<?>> TYPED = Map.ofEntries(
            Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("v1/Secret", io.fabric8.kubernetes.api.model.Secret.class),
            Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("v1/ServiceAccount", io.fabric8.kubernetes.api.model.ServiceAccount.class),
            Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("networking.k8s.io/v1/Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
            Map.entry(
                    "networking.k8s.io/v1/NetworkPolicy",
                    io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
            Map.entry(
                    "autoscaling/v2/HorizontalPodAutoscaler",
                    io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            Map.entry(
                    "policy/v1/PodDisruptionBudget",
                    io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry(
                    "monitoring.coreos.com/v1/ServiceMonitor",
                    io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor.class),
            Map.entry(
                    "monitoring.coreos.com/v1/PodMonitor",
                    io.fabric8.openshift.api.model.monitoring.v1.PodMonitor.class),
            Map.entry(
                    "monitoring.coreos.com/v1/PrometheusRule",
                    io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class));

    /** apiVersion + "/" + kind to a JSON schema on the test classpath. */
    static final Map<String, String> SCHEMAS = Map.of("postgresql.cnpg.io/v1/Cluster", "/schemas/cnpg-cluster-v1.json");

    private Models() {}

    static String typeKey(JsonNode o) {
        return o.path("apiVersion").asText() + "/" + o.path("kind").asText();
    }

    static List<String> problems(JsonNode o) {
        String key = typeKey(o);
        Class<?> type = TYPED.get(key);
        if (type != null) {
            try {
                Object model = JSON.treeToValue(o, type);
                return UnknownFields.in(model).stream()
                        .map(p -> "unknown field " + p)
                        .toList();
            } catch (IOException e) {
                return List.of("does not deserialize into " + type.getSimpleName() + ": " + e.getMessage());
            }
        }
        String schema = SCHEMAS.get(key);
        if (schema != null) {
            Set<ValidationMessage> errors = schema(schema).validate(o);
            return errors.stream().map(ValidationMessage::getMessage).sorted().toList();
        }
        return List.of("no model or schema for " + key + ": add one to " + Models.class.getSimpleName());
    }

    private static JsonSchema schema(String resource) {
        try (InputStream in = Models.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
