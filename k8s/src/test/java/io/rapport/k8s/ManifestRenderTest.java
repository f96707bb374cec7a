package io.rapport.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ManifestRenderTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void overlayRendersWithKubectlKustomize(Overlay overlay) {
        Rendered rendered = overlay.rendered();

        assertThat(rendered.objects())
                .as("objects rendered from %s", overlay.dir())
                .isNotEmpty();
        assertThat(rendered.objects()).allSatisfy(o -> {
            assertThat(o.path("apiVersion").asText())
                    .as("apiVersion of %s", Rendered.id(o))
                    .isNotBlank();
            assertThat(Rendered.name(o))
                    .as("name of a %s", o.path("kind").asText())
                    .isNotBlank();
            assertThat(o.path("metadata").path("namespace").asText())
                    .as("namespace of %s", Rendered.id(o))
                    .isNotBlank();
            assertThat(o.path("metadata")
                            .path("labels")
                            .path("app.kubernetes.io/part-of")
                            .asText())
                    .as("part-of label of %s", Rendered.id(o))
                    .isEqualTo("rapport");
        });
        List<String> ids = rendered.objects().stream().map(Rendered::id).toList();
        assertThat(ids).as("kind/name pairs").doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyServiceOfTheBuildIsDeployed(Overlay overlay) {
        Rendered rendered = overlay.rendered();
        List<ServiceModule> modules = ServiceModule.all();

        assertThat(modules).as("modules producing an image").isNotEmpty();
        for (ServiceModule module : modules) {
            assertThat(Pods.deploymentOf(module, rendered))
                    .as("Deployment running %s", module.imageRepository())
                    .isPresent();
            assertThat(rendered.find("Service", module.appName()))
                    .as("Service %s", module.appName())
                    .isPresent();
            assertThat(rendered.find("ServiceMonitor", module.appName()))
                    .as("ServiceMonitor %s", module.appName())
                    .isPresent();
        }
        assertThat(rendered.deployments()).as("Deployments").hasSize(modules.size());
        assertThat(rendered.ofKind("Ingress"))
                .extracting(i -> i.path("spec")
                        .path("rules")
                        .get(0)
                        .path("http")
                        .path("paths")
                        .get(0)
                        .path("backend")
                        .path("service")
                        .path("name")
                        .asText())
                .as("Ingress backends: only the gateway is exposed")
                .containsExactly("gateway");
    }
}
