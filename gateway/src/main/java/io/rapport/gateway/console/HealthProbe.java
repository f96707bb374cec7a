package io.rapport.gateway.console;

import io.quarkus.qute.TemplateData;
import io.rapport.gateway.console.ConsoleClient.Answer;
import io.rapport.gateway.domain.Caller;
import io.rapport.gateway.proxy.Upstreams;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The Health page's figures per service: readiness and metrics from its management port (outbox backlog and lag,
 * Kafka consumer lag), and its pending dead letters through its admin API as the signed-in admin.
 */
@ApplicationScoped
public class HealthProbe {
    @TemplateData
    public record ServiceHealth(
            String service,
            boolean up,
            String readiness,
            String outboxBacklog,
            String outboxLagSeconds,
            String consumerLag,
            String deadLetters) {}

    private final ConsoleConfig config;
    private final ConsoleClient client;
    private final Upstreams upstreams;
    private final HttpClient http;

    public HealthProbe(ConsoleConfig config, ConsoleClient client, Upstreams upstreams, Vertx vertx) {
        this.config = config;
        this.client = client;
        this.upstreams = upstreams;
        this.http = vertx.createHttpClient();
    }

    public Future<List<ServiceHealth>> check(Caller caller, String requestId) {
        List<Future<ServiceHealth>> all = new ArrayList<>();
        for (String name : Upstreams.REQUIRED) {
            all.add(one(caller, name, requestId));
        }
        return Future.join(List.copyOf(all))
                .map(done -> all.stream().map(Future::result).toList());
    }

    private Future<ServiceHealth> one(Caller caller, String name, String requestId) {
        String base = config.management().get(name);
        String service = upstreams.get(name).serviceName();
        Future<String[]> ready = base == null
                ? Future.succeededFuture(new String[] {"0", "no management URL configured"})
                : fetch(base + "/q/health/ready");
        Future<String[]> metrics =
                base == null ? Future.succeededFuture(new String[] {"0", ""}) : fetch(base + "/q/metrics");
        Future<Answer> dead =
                client.get(caller, "/api/v1/admin/" + name + "/dead-letters?status=PENDING&size=1", requestId);
        return Future.join(ready, metrics, dead).transform(done -> {
            boolean up = ready.result()[0].equals("200");
            String readiness = up
                    ? "UP"
                    : ready.result()[0].equals("0")
                            ? "DOWN: " + ready.result()[1]
                            : "DOWN (HTTP " + ready.result()[0] + ")";
            Metrics m = Metrics.parse(metrics.result()[0].equals("200") ? metrics.result()[1] : "");
            Answer d = dead.result();
            String deadLetters = d.ok() ? d.body().path("total").asText("?") : "unknown: " + d.problem();
            return Future.succeededFuture(new ServiceHealth(
                    service, up, readiness, m.outboxBacklog(), m.outboxLagSeconds(), m.consumerLag(), deadLetters));
        });
    }

    /** {status, body}; status "0" and the reason when nothing answered. */
    private Future<String[]> fetch(String url) {
        long timeout = config.healthTimeout().toMillis();
        return http.request(new RequestOptions()
                        .setMethod(HttpMethod.GET)
                        .setAbsoluteURI(url)
                        .setConnectTimeout(timeout)
                        .setIdleTimeout(timeout))
                .compose(req -> req.send())
                .compose(resp -> resp.body().map(b -> new String[] {Integer.toString(resp.statusCode()), b.toString()}))
                .otherwise(e -> new String[] {"0", "not reachable"});
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
