package io.rapport.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The manifests agree with each other and with the applications' own configuration. */
class WiringTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyServiceSelectsPodsThatServeItsTargetPort(Overlay overlay) {
        Rendered rendered = overlay.rendered();
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode service : rendered.ofKind("Service")) {
            List<JsonNode> pods = rendered.deployments().stream()
                    .filter(d -> Selectors.mapSelects(service.path("spec").path("selector"), Selectors.podLabels(d)))
                    .map(JsonNode.class::cast)
                    .toList();
            soft.assertThat(pods)
                    .as("Deployments selected by Service %s", Rendered.name(service))
                    .hasSize(1);
            for (JsonNode pod : pods) {
                for (JsonNode port : service.path("spec").path("ports")) {
                    String target = port.path("targetPort").asText();
                    soft.assertThat(Rendered.elements(Rendered.container(pod).path("ports")))
                            .as(
                                    "container port %s of %s for Service %s",
                                    target, Rendered.id(pod), Rendered.name(service))
                            .anyMatch(p -> p.path("name").asText().equals(target)
                                    || p.path("containerPort").asText().equals(target));
                }
            }
        }
        for (JsonNode d : rendered.deployments()) {
            soft.assertThat(Selectors.selects(d.path("spec").path("selector"), Selectors.podLabels(d)))
                    .as("%s selects its own pod template", Rendered.id(d))
                    .isTrue();
        }
        for (JsonNode monitor : rendered.ofKind("ServiceMonitor")) {
            String port =
                    monitor.path("spec").path("endpoints").get(0).path("port").asText();
            soft.assertThat(rendered.ofKind("Service"))
                    .as("Services with port %s selected by ServiceMonitor %s", port, Rendered.name(monitor))
                    .anyMatch(s -> Selectors.selects(
                                    monitor.path("spec").path("selector"),
                                    Selectors.labels(s.path("metadata").path("labels")))
                            && Rendered.elements(s.path("spec").path("ports")).stream()
                                    .anyMatch(p -> p.path("name").asText().equals(port)));
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void probesAndPortsMatchTheApplications(Overlay overlay) {
        Rendered rendered = overlay.rendered();
        SoftAssertions soft = new SoftAssertions();
        for (ServiceModule module : ServiceModule.all()) {
            JsonNode d = Pods.deploymentOf(module, rendered).orElseThrow();
            Map<String, String> env = Pods.env(d, rendered);
            JsonNode c = Rendered.container(d);
            String port = module.props().get("quarkus.http.port", env).orElse("8080");
            String root = module.props()
                    .get("quarkus.http.non-application-root-path", env)
                    .orElse("q");
            String health = "/" + root.replaceAll("^/|/$", "") + "/"
                    + module.props()
                            .get("quarkus.smallrye-health.root-path", env)
                            .orElse("health")
                            .replaceAll("^/|/$", "");
            String metrics = module.props()
                    .get("quarkus.micrometer.export.prometheus.path", env)
                    .orElse("/q/metrics");

            String management =
                    module.props().get("quarkus.management.port", env).orElse("9000");
            soft.assertThat(Rendered.elements(c.path("ports")))
                    .as("%s: container port 'http' = the application's quarkus.http.port %s", module.dir(), port)
                    .anyMatch(p -> p.path("name").asText().equals("http")
                            && p.path("containerPort").asText().equals(port));
            soft.assertThat(Rendered.elements(c.path("ports")))
                    .as("%s: container port 'management' = quarkus.management.port %s", module.dir(), management)
                    .anyMatch(p -> p.path("name").asText().equals("management")
                            && p.path("containerPort").asText().equals(management));
            Map<String, String> expected = Map.of(
                    "startupProbe",
                    health + "/started",
                    "readinessProbe",
                    health + "/ready",
                    "livenessProbe",
                    health + "/live");
            expected.forEach((probe, path) -> {
                JsonNode get = c.path(probe).path("httpGet");
                soft.assertThat(get.path("path").asText())
                        .as("%s %s path", module.dir(), probe)
                        .isEqualTo(path);
                // health answers only on the management interface
                soft.assertThat(get.path("port").asText())
                        .as("%s %s port", module.dir(), probe)
                        .isIn("management", management);
            });
            JsonNode monitor = rendered.get("ServiceMonitor", module.appName());
            soft.assertThat(monitor.path("spec")
                            .path("endpoints")
                            .get(0)
                            .path("path")
                            .asText())
                    .as("%s metrics path", module.dir())
                    .isEqualTo(metrics);
            soft.assertThat(monitor.path("spec")
                            .path("endpoints")
                            .get(0)
                            .path("port")
                            .asText())
                    .as("%s metrics port", module.dir())
                    .isEqualTo("management");
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyValueAnApplicationRequiresFromItsEnvironmentIsSet(Overlay overlay) {
        Rendered rendered = overlay.rendered();
        SoftAssertions soft = new SoftAssertions();
        for (ServiceModule module : ServiceModule.all()) {
            Map<String, String> env =
                    Pods.env(Pods.deploymentOf(module, rendered).orElseThrow(), rendered);
            for (String name : module.props().requiredFromEnvironment()) {
                soft.assertThat(env.containsKey(name) || env.containsKey(AppProperties.envName(name)))
                        .as("%s needs ${%s} (no default) from its environment", module.dir(), name)
                        .isTrue();
            }
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyConfigMapAndSecretAPodReadsExistsOrIsGenerated(Overlay overlay) {
        assertThat(References.unresolved(overlay.rendered()))
                .as("references to ConfigMaps/Secrets that neither exist nor are generated by an operator")
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyImageIsOneTheBuildProduces(Overlay overlay) {
        Rendered rendered = overlay.rendered();
        Set<String> built =
                ServiceModule.all().stream().map(ServiceModule::imageRepository).collect(Collectors.toSet());
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode d : rendered.deployments()) {
            String image = Rendered.container(d).path("image").asText();
            soft.assertThat(Pods.imageRepository(image))
                    .as("image of %s", Rendered.id(d))
                    .isIn(built);
            soft.assertThat(Pods.imageTag(image))
                    .as("tag of %s (the build tags with the project version)", Rendered.id(d))
                    .isEqualTo(Repo.projectVersion());
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyServiceUsesItsOwnDatabaseWithTheOperatorsCredentials(Overlay overlay) {
        Rendered rendered = overlay.rendered();
        SoftAssertions soft = new SoftAssertions();
        for (ServiceModule module : ServiceModule.all()) {
            if (!module.usesPlatform()) {
                continue;
            }
            JsonNode d = Pods.deploymentOf(module, rendered).orElseThrow();
            String url = module.props()
                    .get("quarkus.datasource.jdbc.url", Pods.env(d, rendered))
                    .orElse("");
            soft.assertThat(url).as("%s JDBC URL", module.dir()).startsWith("jdbc:postgresql://");
            if (!url.startsWith("jdbc:postgresql://")) {
                continue;
            }
            URI uri = URI.create(url.substring("jdbc:".length()));
            String cluster = uri.getHost().replaceFirst("-rw$", "");
            soft.assertThat(uri.getHost())
                    .as("%s connects to a CloudNativePG read-write service", module.dir())
                    .endsWith("-rw");
            soft.assertThat(rendered.find("Cluster", cluster))
                    .as("%s: Cluster %s", module.dir(), cluster)
                    .isPresent();
            rendered.find("Cluster", cluster)
                    .ifPresent(c -> soft.assertThat("/"
                                    + c.path("spec")
                                            .path("bootstrap")
                                            .path("initdb")
                                            .path("database")
                                            .asText())
                            .as("%s: database created by Cluster %s", module.dir(), cluster)
                            .isEqualTo(uri.getPath()));
            for (String credential : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                soft.assertThat(Pods.secretOf(d, credential))
                        .as("%s %s from CloudNativePG's Secret", module.dir(), credential)
                        .contains(cluster + "-app");
            }
        }
        List<String> databases =
                rendered.ofKind("Cluster").stream().map(Rendered::name).toList();
        soft.assertThat(databases)
                .as("one PostgreSQL cluster per service that has data")
                .hasSize((int) ServiceModule.all().stream()
                        .filter(ServiceModule::usesPlatform)
                        .count());
        soft.assertAll();
    }
}
