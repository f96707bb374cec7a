package io.rapport.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small interpreters the checks rely on (image names, configuration resolution, quantities, selectors). */
class HelpersTest {

    @Test
    void imageRepositoryDropsRegistryTagAndDigest() {
        assertThat(Pods.imageRepository("rapport/gateway")).isEqualTo("rapport/gateway");
        assertThat(Pods.imageRepository("rapport/gateway:1.0")).isEqualTo("rapport/gateway");
        assertThat(Pods.imageRepository("localhost:5000/rapport/gateway:1.0")).isEqualTo("rapport/gateway");
        assertThat(Pods.imageRepository("registry.example.com/rapport/gateway@sha256:abc"))
                .isEqualTo("rapport/gateway");
        assertThat(Pods.imageTag("localhost:5000/rapport/gateway")).isEqualTo("latest");
        assertThat(Pods.imageTag("localhost:5000/rapport/gateway:0.1.0-SNAPSHOT"))
                .isEqualTo("0.1.0-SNAPSHOT");
    }

    @Test
    void configurationResolvesLikeMicroProfileConfig(@TempDir Path dir) throws IOException {
        Path shared = Files.writeString(dir.resolve("shared.properties"), """
                quarkus.shutdown.timeout=${RAPPORT_SHUTDOWN_TIMEOUT:30s}
                quarkus.http.port=8080
                """);
        Path app = Files.writeString(dir.resolve("application.properties"), """
                quarkus.http.port=${RAPPORT_HTTP_PORT:8091}
                quarkus.log.console.json.enabled=false
                %prod.quarkus.log.console.json.enabled=true
                %dev.quarkus.http.port=9999
                """);
        AppProperties props = AppProperties.load(shared, app);

        assertThat(props.get("quarkus.http.port")).contains("8091");
        assertThat(props.get("quarkus.http.port", Map.of("RAPPORT_HTTP_PORT", "7000")))
                .contains("7000");
        assertThat(props.get("quarkus.http.port", Map.of("QUARKUS_HTTP_PORT", "7001", "RAPPORT_HTTP_PORT", "7000")))
                .as("the property's own environment variable wins over the expression")
                .contains("7001");
        assertThat(props.get("quarkus.shutdown.timeout", Map.of("RAPPORT_SHUTDOWN_TIMEOUT", "45s")))
                .contains("45s");
        assertThat(props.get("quarkus.log.console.json.enabled"))
                .as("prod profile")
                .contains("true");
        assertThat(props.get("no.such.key")).isEmpty();
    }

    @Test
    void quantitiesAndDurations() {
        assertThat(Quantities.bytes("1Gi")).isEqualTo(1L << 30);
        assertThat(Quantities.bytes("640Mi")).isEqualTo(640L << 20);
        assertThat(Quantities.bytes("1G")).isEqualTo(1_000_000_000L);
        assertThatThrownBy(() -> Quantities.bytes("lots")).isInstanceOf(AssertionError.class);
        assertThat(Quantities.duration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Quantities.duration("PT30S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Quantities.duration("P90D")).isEqualTo(Duration.ofDays(90));
        assertThat(Quantities.duration("1m")).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void labelSelectorsFollowKubernetesSemantics() {
        var selector = Rendered.parse("""
                matchLabels: {app: a}
                matchExpressions:
                  - {key: tier, operator: In, values: [backend, gateway]}
                  - {key: legacy, operator: DoesNotExist}
                """).objects().get(0);

        assertThat(Selectors.selects(selector, Map.of("app", "a", "tier", "backend")))
                .isTrue();
        assertThat(Selectors.selects(selector, Map.of("app", "a", "tier", "db")))
                .isFalse();
        assertThat(Selectors.selects(selector, Map.of("app", "a", "tier", "backend", "legacy", "x")))
                .isFalse();
        assertThat(Selectors.selects(selector, Map.of("tier", "backend"))).isFalse();
        assertThat(Selectors.selects(Rendered.YAML.createObjectNode(), Map.of("any", "pod")))
                .as("empty selects all")
                .isTrue();
    }
}
