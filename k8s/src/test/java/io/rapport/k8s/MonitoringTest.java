package io.rapport.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The monitoring every overlay ships: the alerts operations needs to see faults (dead letters waiting, a consumer stuck
 * retrying, outbox and consumer lag, Kafka or a target down) and the Grafana dashboard showing the same metrics, with
 * every Rapport metric named one the services export.
 */
class MonitoringTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RAPPORT_METRIC = Pattern.compile("\\brapport_[a-z_]+\\b");
    /**
     * Metrics agreed between the services' reliability work and this folder (brief of issue 14) that the services export
     * through platform; once platform registers them, the source scan below finds them too.
     */
    private static final Set<String> AGREED = Set.of(
            "rapport_dlq_records",
            "rapport_consumer_retrying",
            "rapport_kafka_up",
            "rapport_outbox_backlog",
            "rapport_outbox_lag_seconds");

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void alertsCoverTheFaultsOperationsMustSee(Overlay overlay) {
        Map<String, JsonNode> alerts = alerts(overlay.rendered());
        assertThat(alert(alerts, "rapport_dlq_records{status=\"PENDING\"}")
                        .path("expr")
                        .asText())
                .contains("> 0");
        assertThat(alert(alerts, "rapport_outbox_lag_seconds").path("expr").asText())
                .containsPattern(">\\s*60\\b");
        JsonNode retrying = alert(alerts, "rapport_consumer_retrying");
        assertThat(retrying.path("for").asText()).isEqualTo("5m");
        JsonNode lagGrowing = alert(alerts, "deriv(kafka_consumer_fetch_manager_records_lag_max");
        assertThat(lagGrowing.path("for").asText()).isEqualTo("5m");
        assertThat(alert(alerts, "up{").path("expr").asText()).contains("== 0");
        for (JsonNode rule : alerts.values()) {
            assertThat(rule.path("labels").path("severity").asText())
                    .as(rule.path("alert").asText())
                    .isIn("warning", "critical");
            assertThat(rule.path("annotations").path("summary").asText())
                    .as(rule.path("alert").asText())
                    .isNotBlank();
            assertThat(rule.path("for").asText())
                    .as(rule.path("alert").asText())
                    .matches("\\d+[smh]");
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void grafanaFindsADashboardShowingEveryAlertedRapportMetric(Overlay overlay) throws IOException {
        List<ObjectNode> dashboards = overlay.rendered().ofKind("ConfigMap").stream()
                .filter(c -> "1"
                        .equals(c.path("metadata")
                                .path("labels")
                                .path("grafana_dashboard")
                                .asText()))
                .toList();
        assertThat(dashboards).as("ConfigMaps labelled grafana_dashboard=1").hasSize(1);
        JsonNode data = dashboards.get(0).path("data");
        assertThat(data.size()).isEqualTo(1);
        String name = data.fieldNames().next();
        assertThat(name).endsWith(".json");
        JsonNode dashboard = JSON.readTree(data.get(name).asText());
        assertThat(dashboard.path("uid").asText()).isEqualTo("rapport-reliability");
        assertThat(dashboard.path("templating").path("list").findValuesAsText("name"))
                .contains("datasource");

        Set<String> shown = new HashSet<>();
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt()))
                    .as("panel ids are unique")
                    .isTrue();
            assertThat(panel.path("datasource").path("uid").asText())
                    .as(panel.path("title").asText())
                    .isEqualTo("${datasource}");
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("expr").asText())
                        .as(panel.path("title").asText())
                        .isNotBlank();
                shown.addAll(metrics(target.path("expr").asText()));
            }
        }
        Set<String> alerted = new HashSet<>();
        alerts(overlay.rendered())
                .values()
                .forEach(a -> alerted.addAll(metrics(a.path("expr").asText())));
        assertThat(shown).as("Rapport metrics on the dashboard").containsAll(alerted);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyRapportMetricInAlertsAndDashboardIsOneTheServicesExport(Overlay overlay) {
        Set<String> exported = new HashSet<>(AGREED);
        exported.addAll(registeredInSources());
        Set<String> used = new HashSet<>();
        alerts(overlay.rendered())
                .values()
                .forEach(a -> used.addAll(metrics(a.path("expr").asText())));
        overlay.rendered().ofKind("ConfigMap").stream()
                .filter(c -> c.path("metadata").path("labels").has("grafana_dashboard"))
                .forEach(c -> c.path("data").forEach(d -> used.addAll(metrics(d.asText()))));
        assertThat(used).isNotEmpty();
        assertThat(exported).as("metrics the services export").containsAll(used);
    }

    private static JsonNode alert(Map<String, JsonNode> alerts, String exprPart) {
        return alerts.values().stream()
                .filter(a -> a.path("expr").asText().contains(exprPart))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no alert on " + exprPart + " among " + alerts.keySet()));
    }

    private static Map<String, JsonNode> alerts(Rendered rendered) {
        Map<String, JsonNode> alerts = new LinkedHashMap<>();
        for (ObjectNode rule : rendered.ofKind("PrometheusRule")) {
            for (JsonNode group : rule.path("spec").path("groups")) {
                for (JsonNode r : group.path("rules")) {
                    if (r.has("alert")) {
                        assertThat(alerts.put(r.path("alert").asText(), r))
                                .as("alert names are unique")
                                .isNull();
                    }
                }
            }
        }
        return alerts;
    }

    private static Set<String> metrics(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = RAPPORT_METRIC.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Micrometer meters named "rapport.x.y" in the Java sources, in their Prometheus form rapport_x_y. */
    private static Set<String> registeredInSources() {
        Pattern meter = Pattern.compile("\"(rapport(?:\\.[a-z]+)+)\"");
        Set<String> out = new HashSet<>();
        List<Path> roots = new ArrayList<>();
        try (Stream<Path> modules = Files.list(Repo.root())) {
            modules.map(m -> m.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .forEach(roots::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = meter.matcher(Files.readString(f));
                    while (m.find()) {
                        out.add(m.group(1).replace('.', '_'));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
