package io.rapport.k8s;

import static org.assertj.core.api.Assertions.assertThat;

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
 * from the gateway and Prometheus (customer-service and segmentation-service also from engagement-service, for its
 * send-time reads, on the API port), and each service reaches only its own database, Kafka and DNS; engagement also
 * those two services' API port and the SMTP relay on its configured port, and nothing else outside the namespace.
 */
class NetworkPolicyTest {
    private static final Set<String> INFRA_NAMESPACES = Set.of("kube-system", "monitoring");
    private static final String ENGAGEMENT = "engagement-service";
    /** The services engagement reads at send time (and that accept it), by app.kubernetes.io/name. */
    private static final Set<String> READ_BY_ENGAGEMENT = Set.of("customer-service", "segmentation-service");

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyRapportPodIsDeniedByDefault(Overlay overlay) {
        Rendered r = overlay.rendered();
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode d : r.deployments()) {
            soft.assertThat(policiesSelecting(r, d))
                    .as("default-deny policy for %s", Rendered.id(d))
                    .anyMatch(p -> types(p).containsAll(Set.of("Ingress", "Egress"))
                            && !p.path("spec").has("ingress")
                            && !p.path("spec").has("egress"));
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
                soft.assertThat(peer.has("ipBlock"))
                        .as("%s: ipBlock peer %s", Rendered.id(d), peer)
                        .isFalse();
                soft.assertThat(peer.isEmpty())
                        .as("%s: a peer that allows everyone", Rendered.id(d))
                        .isFalse();
                if (peer.has("namespaceSelector")) {
                    String ns = namespaceOf(peer);
                    soft.assertThat(isGateway ? Set.of("ingress-nginx", "monitoring") : Set.of("monitoring"))
                            .as("%s accepts from namespace '%s'", Rendered.id(d), ns)
                            .contains(ns);
                } else if (!isGateway) {
                    Set<String> callers =
                            READ_BY_ENGAGEMENT.contains(appName(d)) ? Set.of("gateway", ENGAGEMENT) : Set.of("gateway");
                    soft.assertThat(selectedDeployments(r, peer))
                            .as(
                                    "%s accepts in-namespace traffic only from %s, not" + " from %s",
                                    Rendered.id(d), callers, peer)
                            .isNotEmpty()
                            .allMatch(callers::contains);
                    soft.assertThat(peer.path("podSelector").isEmpty())
                            .as("%s: from all pods", Rendered.id(d))
                            .isFalse();
                }
            }
            if (!isGateway) {
                soft.assertThat(ingressPeers(r, d))
                        .as("%s is reachable from the gateway", Rendered.id(d))
                        .anyMatch(p -> !p.has("namespaceSelector") && selectsPod(p, gateway));
                JsonNode engagement = r.get("Deployment", ENGAGEMENT);
                boolean fromEngagement = rules(r, d, "ingress").stream()
                        .anyMatch(rule -> Rendered.elements(rule.path("from")).stream()
                                        .anyMatch(p -> !p.has("namespaceSelector") && selectsPod(p, engagement))
                                && ports(rule).equals(Set.of("http")));
                soft.assertThat(fromEngagement)
                        .as("%s is reachable from engagement-service on its API port only", Rendered.id(d))
                        .isEqualTo(READ_BY_ENGAGEMENT.contains(appName(d)));
            }
            soft.assertThat(ingressPeers(r, d))
                    .as("%s is reachable from Prometheus", Rendered.id(d))
                    .anyMatch(p -> "monitoring".equals(namespaceOf(p)));
        }
        soft.assertThat(ingressPeers(r, gateway))
                .as("the gateway is reachable from the ingress controller")
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
            String ownDb = module.props()
                    .get("quarkus.datasource.jdbc.url", Pods.env(d, r))
                    .orElse("")
                    .replaceFirst("^jdbc:postgresql://([^:/]+).*$", "$1")
                    .replaceFirst("-rw$", "");
            boolean isEngagement = ENGAGEMENT.equals(appName(d));
            java.util.function.Predicate<JsonNode> exempt = isEngagement
                    ? NetworkPolicyTest::isSmtpRelayRule
                    : d == gateway ? NetworkPolicyTest::isIdentityProviderRule : rule -> false;
            for (JsonNode peer : egressPeers(r, d, exempt)) {
                if (peer.has("namespaceSelector")) {
                    soft.assertThat(INFRA_NAMESPACES)
                            .as("%s egress to namespace", module.dir())
                            .contains(namespaceOf(peer));
                    continue;
                }
                soft.assertThat(peer.path("podSelector").isEmpty() || peer.has("ipBlock"))
                        .as("%s: egress to everything (%s)", module.dir(), peer)
                        .isFalse();
                String db = peer.path("podSelector")
                        .path("matchLabels")
                        .path("cnpg.io/cluster")
                        .asText("");
                if (!db.isEmpty()) {
                    soft.assertThat(db)
                            .as("%s may reach only its own database", module.dir())
                            .isEqualTo(ownDb);
                }
                soft.assertThat(selectedDeployments(r, peer))
                        .as("%s reaches Rapport pods %s", module.dir(), peer)
                        .allMatch(target -> isEngagement && READ_BY_ENGAGEMENT.contains(target) || d == gateway);
            }
            boolean usesDb = module.usesPlatform();
            soft.assertThat(egressPeers(r, d).stream()
                            .anyMatch(p -> !ownDb.isEmpty()
                                    && ownDb.equals(p.path("podSelector")
                                            .path("matchLabels")
                                            .path("cnpg.io/cluster")
                                            .asText())))
                    .as("%s reaches its database %s", module.dir(), ownDb)
                    .isEqualTo(usesDb);
            if (d != gateway) {
                soft.assertThat(egressPeers(r, gateway))
                        .as("gateway reaches %s", module.dir())
                        .anyMatch(p -> !p.has("namespaceSelector") && selectsPod(p, d));
            }
            if (Pods.secretOf(d, "KAFKA_SASL_JAAS_CONFIG").isPresent()) {
                JsonNode listeners =
                        r.ofKind("Kafka").get(0).path("spec").path("kafka").path("listeners");
                soft.assertThat(Rendered.elements(listeners))
                        .as("Kafka listeners admit %s", module.dir())
                        .allSatisfy(l -> org.assertj.core.api.Assertions.assertThat(
                                        Rendered.elements(l.path("networkPolicyPeers")))
                                .anyMatch(p -> Selectors.selects(p.path("podSelector"), Selectors.podLabels(d))));
            }
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void engagementReachesTheTwoServicesItReadsAndTheSmtpRelayOnItsConfiguredPortOnly(Overlay overlay) {
        Rendered r = overlay.rendered();
        JsonNode engagement = r.get("Deployment", ENGAGEMENT);
        String smtpPort = Pods.env(engagement, r).get("RAPPORT_SMTP_PORT");
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(smtpPort).as("engagement's RAPPORT_SMTP_PORT").isNotBlank();
        for (String target : READ_BY_ENGAGEMENT) {
            JsonNode d = r.get("Deployment", target);
            soft.assertThat(rules(r, engagement, "egress"))
                    .as("engagement reaches %s on its API port", target)
                    .anyMatch(rule -> ports(rule).equals(Set.of("http"))
                            && Rendered.elements(rule.path("to")).stream().anyMatch(p -> selectsPod(p, d)));
        }
        for (String other : List.of("loyalty-service", "gateway")) {
            JsonNode d = r.get("Deployment", other);
            soft.assertThat(egressPeers(r, engagement))
                    .as("engagement does not reach %s", other)
                    .noneMatch(p -> !p.has("namespaceSelector")
                            && !p.path("podSelector").isEmpty()
                            && selectsPod(p, d));
        }
        List<JsonNode> outside = rules(r, engagement, "egress").stream()
                .filter(NetworkPolicyTest::leavesTheNamespace)
                .toList();
        soft.assertThat(outside)
                .as("engagement's egress out of the cluster: the SMTP relay rule only")
                .singleElement()
                .satisfies(rule -> {
                    org.assertj.core.api.Assertions.assertThat(ports(rule))
                            .as("the relay's port")
                            .containsExactly(smtpPort);
                    org.assertj.core.api.Assertions.assertThat(Rendered.elements(rule.path("ports")))
                            .allMatch(p -> "TCP".equals(p.path("protocol").asText("TCP")));
                });
        soft.assertAll();
    }

    /** A rule whose peers are ipBlocks (or that names no peer): traffic that may leave the namespace. */
    private static boolean leavesTheNamespace(JsonNode rule) {
        return !rule.has("to") || Rendered.elements(rule.path("to")).stream().anyMatch(p -> p.has("ipBlock"));
    }

    /** engagement's SMTP relay rule: out of the namespace, but on the relay's port only. */
    private static boolean isSmtpRelayRule(JsonNode rule) {
        return leavesTheNamespace(rule)
                && ports(rule).size() == 1
                && !ports(rule).contains("http");
    }

    /** The gateway's rule to the console's identity provider (OIDC): out of the namespace, on HTTPS (443) only. */
    private static boolean isIdentityProviderRule(JsonNode rule) {
        return leavesTheNamespace(rule) && ports(rule).equals(Set.of("443"));
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theGatewayLeavesTheNamespaceOnlyForTheIdentityProviderOnHttps(Overlay overlay) {
        Rendered r = overlay.rendered();
        JsonNode gateway = r.get("Deployment", "gateway");
        List<JsonNode> outside = new ArrayList<>();
        for (JsonNode p : policiesSelecting(r, gateway)) {
            for (JsonNode rule : p.path("spec").path("egress")) {
                if (leavesTheNamespace(rule)) {
                    outside.add(rule);
                }
            }
        }
        assertThat(outside).as("the gateway's rules that leave the namespace").hasSize(1);
        assertThat(ports(outside.get(0))).containsExactly("443");
    }

    private static Set<String> ports(JsonNode rule) {
        Set<String> ports = new java.util.HashSet<>();
        rule.path("ports").forEach(p -> ports.add(p.path("port").asText()));
        return ports;
    }

    private static String appName(JsonNode deployment) {
        return Selectors.podLabels(deployment).get("app.kubernetes.io/name");
    }

    /** The Rapport Deployments (by app name) whose pods an in-namespace peer selects. */
    private static List<String> selectedDeployments(Rendered r, JsonNode peer) {
        if (peer.has("namespaceSelector")
                || peer.has("ipBlock")
                || peer.path("podSelector").isEmpty()) {
            return List.of();
        }
        return r.deployments().stream()
                .map(JsonNode.class::cast)
                .filter(d -> selectsPod(peer, d))
                .map(NetworkPolicyTest::appName)
                .toList();
    }

    private static List<JsonNode> rules(Rendered r, JsonNode d, String direction) {
        List<JsonNode> rules = new ArrayList<>();
        for (JsonNode p : policiesSelecting(r, d)) {
            p.path("spec").path(direction).forEach(rules::add);
        }
        return rules;
    }

    private static List<JsonNode> policiesSelecting(Rendered r, JsonNode deployment) {
        Map<String, String> labels = Selectors.podLabels(deployment);
        return r.ofKind("NetworkPolicy").stream()
                .map(JsonNode.class::cast)
                .filter(p -> Selectors.selects(p.path("spec").path("podSelector"), labels))
                .toList();
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
                        soft.assertThat(rule.path("ports").isEmpty())
                                .as("%s: Prometheus on every port", Rendered.id(d))
                                .isFalse();
                        rule.path("ports")
                                .forEach(port -> soft.assertThat(
                                                port.path("port").asText())
                                        .as("%s: Prometheus reaches only the management port", Rendered.id(d))
                                        .isEqualTo("management"));
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
                rule.path("http")
                        .path("paths")
                        .forEach(path -> paths.add(path.path("path").asText()));
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
        return peers(r, d, "egress", "to", rule -> false);
    }

    /** The egress peers of {@code d}, without those of the rules {@code exempt} (checked on their own). */
    private static List<JsonNode> egressPeers(Rendered r, JsonNode d, java.util.function.Predicate<JsonNode> exempt) {
        return peers(r, d, "egress", "to", exempt);
    }

    private static List<JsonNode> peers(Rendered r, JsonNode d, String direction, String field) {
        return peers(r, d, direction, field, rule -> false);
    }

    private static List<JsonNode> peers(
            Rendered r, JsonNode d, String direction, String field, java.util.function.Predicate<JsonNode> exempt) {
        List<JsonNode> peers = new ArrayList<>();
        for (JsonNode p : policiesSelecting(r, d)) {
            for (JsonNode rule : p.path("spec").path(direction)) {
                if (exempt.test(rule)) {
                    continue;
                }
                if (!rule.has(field)) {
                    peers.add(Rendered.YAML.createObjectNode()); // no "from"/"to": everyone
                }
                rule.path(field).forEach(peers::add);
            }
        }
        return peers;
    }

    private static String namespaceOf(JsonNode peer) {
        return peer.path("namespaceSelector")
                .path("matchLabels")
                .path("kubernetes.io/metadata.name")
                .asText(null);
    }
}
