package io.rapport.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** No container as root, every Deployment with probes, resources and a graceful shutdown. */
class PodHardeningTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void noContainerRunsAsRootOrCanEscalate(Overlay overlay) {
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode d : overlay.rendered().deployments()) {
            String id = Rendered.id(d);
            JsonNode pod = Rendered.podSpec(d).path("securityContext");
            JsonNode c = Rendered.container(d).path("securityContext");
            soft.assertThat(pod.path("runAsNonRoot").asBoolean()
                            || c.path("runAsNonRoot").asBoolean())
                    .as("%s runAsNonRoot", id)
                    .isTrue();
            soft.assertThat(c.path("runAsUser").asInt(pod.path("runAsUser").asInt(0)))
                    .as("%s runAsUser", id)
                    .isPositive();
            soft.assertThat(c.path("seccompProfile")
                            .path("type")
                            .asText(pod.path("seccompProfile").path("type").asText()))
                    .as("%s seccomp profile", id)
                    .isEqualTo("RuntimeDefault");
            soft.assertThat(c.path("allowPrivilegeEscalation").isBoolean()
                            && !c.path("allowPrivilegeEscalation").asBoolean())
                    .as("%s allowPrivilegeEscalation=false", id)
                    .isTrue();
            soft.assertThat(c.path("privileged").asBoolean(false))
                    .as("%s privileged", id)
                    .isFalse();
            soft.assertThat(c.path("readOnlyRootFilesystem").asBoolean())
                    .as("%s readOnlyRootFilesystem", id)
                    .isTrue();
            soft.assertThat(Rendered.elements(c.path("capabilities").path("drop")))
                    .as("%s dropped capabilities", id)
                    .extracting(JsonNode::asText)
                    .contains("ALL");
            soft.assertThat(c.path("capabilities").path("add"))
                    .as("%s added capabilities", id)
                    .isEmpty();
            JsonNode spec = Rendered.podSpec(d);
            soft.assertThat(spec.path("hostNetwork").asBoolean(false)
                            || spec.path("hostPID").asBoolean(false))
                    .as("%s host namespaces", id)
                    .isFalse();
            soft.assertThat(Rendered.podSpec(d)
                            .path("automountServiceAccountToken")
                            .asBoolean(true))
                    .as("%s mounts an API token it does not need", id)
                    .isFalse();
            String tmpVolume = Rendered.elements(Rendered.container(d).path("volumeMounts")).stream()
                    .filter(m -> m.path("mountPath").asText().equals("/tmp"))
                    .map(m -> m.path("name").asText())
                    .findFirst()
                    .orElse("");
            soft.assertThat(Rendered.elements(Rendered.podSpec(d).path("volumes")))
                    .as("%s: writable /tmp from an emptyDir (the root filesystem is read-only)", id)
                    .anyMatch(v -> v.path("name").asText().equals(tmpVolume) && v.has("emptyDir"));
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyDeploymentHasProbesAndResources(Overlay overlay) {
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode d : overlay.rendered().deployments()) {
            String id = Rendered.id(d);
            JsonNode c = Rendered.container(d);
            for (String probe : new String[] {"startupProbe", "readinessProbe", "livenessProbe"}) {
                soft.assertThat(c.path(probe).has("httpGet"))
                        .as("%s %s", id, probe)
                        .isTrue();
            }
            JsonNode res = c.path("resources");
            for (String kind : new String[] {"requests", "limits"}) {
                for (String r : new String[] {"cpu", "memory"}) {
                    soft.assertThat(res.path(kind).path(r).asText())
                            .as("%s %s.%s", id, kind, r)
                            .isNotBlank();
                }
            }
            soft.assertThat(Quantities.bytes(res.path("requests").path("memory").asText()))
                    .as("%s: memory request equals the limit (the JVM sizes its heap from the limit)", id)
                    .isEqualTo(
                            Quantities.bytes(res.path("limits").path("memory").asText()));
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void podsDrainBeforeTheyAreKilled(Overlay overlay) {
        Rendered rendered = overlay.rendered();
        SoftAssertions soft = new SoftAssertions();
        for (ServiceModule module : ServiceModule.all()) {
            JsonNode d = Pods.deploymentOf(module, rendered).orElseThrow();
            Map<String, String> env = Pods.env(d, rendered);
            long preStop = Rendered.container(d)
                    .path("lifecycle")
                    .path("preStop")
                    .path("sleep")
                    .path("seconds")
                    .asLong(0);
            Duration shutdown = module.props()
                    .get("quarkus.shutdown.timeout", env)
                    .map(Quantities::duration)
                    .orElse(Duration.ZERO);
            long grace =
                    Rendered.podSpec(d).path("terminationGracePeriodSeconds").asLong(30);
            soft.assertThat(preStop).as("%s preStop pause", module.dir()).isPositive();
            soft.assertThat(shutdown)
                    .as("%s quarkus.shutdown.timeout", module.dir())
                    .isPositive();
            soft.assertThat(grace)
                    .as(
                            "%s terminationGracePeriodSeconds > preStop %d s + shutdown %s",
                            module.dir(), preStop, shutdown)
                    .isGreaterThan(preStop + shutdown.toSeconds());
        }
        soft.assertAll();
    }
}
