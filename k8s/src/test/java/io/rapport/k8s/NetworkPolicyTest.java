package io.rapport.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Evaluates the NetworkPolicies against the rendered pods: only the gateway is reachable from outside, services only
 * from the gateway and Prometheus, and each service reaches only its own database, Kafka and DNS.
 */
class NetworkPolicyTest {
    private static final Set<String> INFRA_NAMESPACES = Set.of("kube-system", "monitoring");

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyRapportPodIsDeniedByDefault(Overlay overlay) {
        Rendered r = overlay.rendered();
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode d : r.deployments()) {
            soft.assertThat(policiesSelecting(r, d)).as("default-deny policy for %s", Rendered.id(d))
                    .anyMatch(p -> types(p).containsAll(Set.of("Ingress", "Egress"))
                            && !p.path("spec").has("ingress") && !p.path("spec").has("egress"));
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void onlyTheGatewayAcceptsTrafficFromOutsideTheNamespace(Overlay overlay) {
        Rendered r = overlay.rendered();
        JsonNode gateway = r.get("Deployment", "gateway");
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode d : r.deployments()) {
            boolean isGateway = d == gateway;
            for (JsonNode peer : ingressPeers(r, d)) {
                soft.assertThat(peer.has("ipBlock")).as("%s: ipBlock peer %s", Rendered.id(d), peer).isFalse();
                soft.assertThat(peer.isEmpty()).as("%s: a peer that allows everyone", Rendered.id(d)).isFalse();
                if (peer.has("namespaceSelector")) {
                    String ns = namespaceOf(peer);
                    soft.assertThat(isGateway ? Set.of("ingress-nginx", "monitoring") : Set.of("monitoring"))
                            .as("%s accepts from namespace '%s'", Rendered.id(d), ns).contains(ns);
                } else if (!isGateway) {
                    soft.assertThat(Selectors.selects(peer.path("podSelector"), Selectors.podLabels(gateway)))
                            .as("%s accepts in-namespace traffic only from the gateway, not from %s", Rendered.id(d), peer)
                            .isTrue();
                    soft.assertThat(peer.path("podSelector").isEmpty()).as("%s: from all pods", Rendered.id(d)).isFalse();
                }
            }
            if (!isGateway) {
                soft.assertThat(ingressPeers(r, d)).as("%s is reachable from the gateway", Rendered.id(d))
                        .anyMatch(p -> !p.has("namespaceSelector") && selectsPod(p, gateway));
            }
            soft.assertThat(ingressPeers(r, d)).as("%s is reachable from Prometheus", Rendered.id(d))
                    .anyMatch(p -> "monitoring".equals(namespaceOf(p)));
        }
        soft.assertThat(ingressPeers(r, gateway)).as("the gateway is reachable from the ingress controller")
                .anyMatch(p -> "ingress-nginx".equals(namespaceOf(p)));
        soft.assertAll();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void servicesReachOnlyTheirOwnDatabaseKafkaAndDns(Overlay overlay) {
        Rendered r = overlay.rendered();
        JsonNode gateway = r.get("Deployment", "gateway");
        SoftAssertions soft = new SoftAssertions();
        for (ServiceModule module : ServiceModule.all()) {
            JsonNode d = Pods.deploymentOf(module, r).orElseThrow();
            String ownDb = module.props().get("quarkus.datasource.jdbc.url", Pods.env(d, r)).orElse("")
                    .replaceFirst("^jdbc:postgresql://([^:/]+).*$", "$1").replaceFirst("-rw$", "");
            for (JsonNode peer : egressPeers(r, d)) {
                if (peer.has("namespaceSelector")) {
                    soft.assertThat(INFRA_NAMESPACES).as("%s egress to namespace", module.dir()).contains(namespaceOf(peer));
                    continue;
                }
                soft.assertThat(peer.path("podSelector").isEmpty() || peer.has("ipBlock"))
                        .as("%s: egress to everything (%s)", module.dir(), peer).isFalse();
                String db = peer.path("podSelector").path("matchLabels").path("cnpg.io/cluster").asText("");
                if (!db.isEmpty()) {
                    soft.assertThat(db).as("%s may reach only its own database", module.dir()).isEqualTo(ownDb);
                }
            }
            boolean usesDb = module.usesPlatform();
            soft.assertThat(egressPeers(r, d).stream().anyMatch(p -> !ownDb.isEmpty()
                    && ownDb.equals(p.path("podSelector").path("matchLabels").path("cnpg.io/cluster").asText())))
                    .as("%s reaches its database %s", module.dir(), ownDb).isEqualTo(usesDb);
            if (d != gateway) {
                soft.assertThat(egressPeers(r, gateway)).as("gateway reaches %s", module.dir())
                        .anyMatch(p -> !p.has("namespaceSelector") && selectsPod(p, d));
            }
            if (Pods.secretOf(d, "KAFKA_SASL_JAAS_CONFIG").isPresent()) {
                JsonNode listeners = r.ofKind("Kafka").get(0).path("spec").path("kafka").path("listeners");
                soft.assertThat(Rendered.elements(listeners)).as("Kafka listeners admit %s", module.dir()).allSatisfy(l ->
                        org.assertj.core.api.Assertions.assertThat(Rendered.elements(l.path("networkPolicyPeers")))
                                .anyMatch(p -> Selectors.selects(p.path("podSelector"), Selectors.podLabels(d))));
            }
        }
        soft.assertAll();
    }

    private static List<JsonNode> policiesSelecting(Rendered r, JsonNode deployment) {
        Map<String, String> labels = Selectors.podLabels(deployment);
        return r.ofKind("NetworkPolicy").stream().map(JsonNode.class::cast)
                .filter(p -> Selectors.selects(p.path("spec").path("podSelector"), labels)).toList();
    }

    private static boolean selectsPod(JsonNode peer, JsonNode deployment) {
        return Selectors.selects(peer.path("podSelector"), Selectors.podLabels(deployment));
    }

    private static Set<String> types(JsonNode policy) {
        Set<String> t = new java.util.HashSet<>();
        policy.path("spec").path("policyTypes").forEach(x -> t.add(x.asText()));
        return t;
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void prometheusReachesOnlyTheManagementPort(Overlay overlay) {
        Rendered r = overlay.rendered();
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode d : r.deployments()) {
            for (JsonNode p : policiesSelecting(r, d)) {
                for (JsonNode rule : p.path("spec").path("ingress")) {
                    boolean fromPrometheus = false;
                    for (JsonNode peer : rule.path("from")) {
                        fromPrometheus |= "monitoring".equals(namespaceOf(peer));
                    }
                    if (fromPrometheus) {
                        soft.assertThat(rule.path("ports").isEmpty()).as("%s: Prometheus on every port", Rendered.id(d)).isFalse();
                        rule.path("ports").forEach(port -> soft.assertThat(port.path("port").asText())
                                .as("%s: Prometheus reaches only the management port", Rendered.id(d)).isEqualTo("management"));
                    }
                }
            }
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theIngressPublishesTheApiAndOnlyInDevTheApiDocuments(Overlay overlay) {
        Rendered r = overlay.rendered();
        List<String> paths = new ArrayList<>();
        for (JsonNode ingress : r.ofKind("Ingress")) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                rule.path("http").path("paths").forEach(path -> paths.add(path.path("path").asText()));
            }
        }
        org.assertj.core.api.Assertions.assertThat(paths).contains("/api").doesNotContain("/", "/q", "/q/metrics");
        if (overlay == Overlay.PROD) {
            org.assertj.core.api.Assertions.assertThat(paths).containsExactly("/api");
        }
    }

    private static List<JsonNode> ingressPeers(Rendered r, JsonNode d) {
        return peers(r, d, "ingress", "from");
    }

    private static List<JsonNode> egressPeers(Rendered r, JsonNode d) {
        return peers(r, d, "egress", "to");
    }

    private static List<JsonNode> peers(Rendered r, JsonNode d, String direction, String field) {
        List<JsonNode> peers = new ArrayList<>();
        for (JsonNode p : policiesSelecting(r, d)) {
            for (JsonNode rule : p.path("spec").path(direction)) {
                if (!rule.has(field)) {
                    peers.add(Rendered.YAML.createObjectNode()); // no "from"/"to": everyone
                }
                rule.path(field).forEach(peers::add);
            }
        }
        return peers;
    }

    private static String namespaceOf(JsonNode peer) {
        return peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText(null);
    }
}
