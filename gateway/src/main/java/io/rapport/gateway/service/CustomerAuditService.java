package io.rapport.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.gateway.config.GatewayConfig;
import io.rapport.gateway.domain.Caller;
import io.rapport.gateway.domain.ProxyHeaders;
import io.rapport.gateway.model.CustomerAudit;
import io.rapport.gateway.proxy.IdentityHeaders;
import io.rapport.gateway.proxy.Upstream;
import io.rapport.gateway.proxy.UpstreamFailure;
import io.rapport.gateway.proxy.Upstreams;
import io.rapport.gateway.security.ServiceTokenIssuer;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole audit trail of one customer: every service's own trail ({@code GET <prefix>/audit?customerId=}) fetched in
 * parallel with the caller's identity (each service decides what the caller may read), merged newest first and paged.
 * A service that is down, late or refuses the caller is named in {@code unavailable} / {@code notPermitted} instead of
 * failing the whole answer. Pages reach at most {@value #MAX_DEPTH} records deep (each service's page size bound).
 */
@ApplicationScoped
public class CustomerAuditService {
    public static final int MAX_DEPTH = 200;
    private static final Map<String, String> SOURCES = Map.of(
            "customer", "/api/v1/customers/audit",
            "segmentation", "/api/v1/segments/audit",
            "engagement", "/api/v1/engagement/audit",
            "loyalty", "/api/v1/loyalty/audit");

    private final Upstreams upstreams;
    private final Vertx vertx;
    private final ObjectMapper mapper;
    private final long timeoutMillis;
    private final ServiceTokenIssuer tokens;

    public CustomerAuditService(
            Upstreams upstreams, Vertx vertx, ObjectMapper mapper, GatewayConfig config, ServiceTokenIssuer tokens) {
        this.tokens = tokens;
        this.upstreams = upstreams;
        this.vertx = vertx;
        this.mapper = mapper;
        this.timeoutMillis = config.customer360().timeout().toMillis();
    }

    private record Part(String service, List<JsonNode> items, long total, String problem, boolean refused) {}

    public Future<CustomerAudit> trail(
            UUID id, int page, int size, Caller caller, String requestId, String traceparent) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .set("Accept", "application/json")
                .set(ProxyHeaders.REQUEST_ID, requestId)
                .set(ProxyHeaders.TRACEPARENT, traceparent);
        int depth = (page + 1) * size;
        List<Future<Part>> parts = SOURCES.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e ->
                        part(e.getKey(), e.getValue() + "?customerId=" + id + "&page=0&size=" + depth, headers, caller))
                .toList();
        return Future.join(List.copyOf(parts)).map(all -> {
            List<JsonNode> merged = new ArrayList<>();
            List<String> unavailable = new ArrayList<>();
            List<String> notPermitted = new ArrayList<>();
            long total = 0;
            for (Future<Part> f : parts) {
                Part p = f.result();
                if (p.refused()) {
                    notPermitted.add(p.service());
                } else if (p.problem() != null) {
                    unavailable.add(p.service());
                } else {
                    merged.addAll(p.items());
                    total += p.total();
                }
            }
            merged.sort(Comparator.comparing((JsonNode n) -> n.path("at").asText())
                    .reversed()
                    .thenComparing(n -> n.path("service").asText())
                    .thenComparing(n -> -n.path("id").asLong()));
            int from = Math.min(page * size, merged.size());
            int to = Math.min(from + size, merged.size());
            return new CustomerAudit(
                    merged.subList(from, to).stream().map(this::asMap).toList(),
                    page,
                    size,
                    total,
                    unavailable,
                    notPermitted);
        });
    }

    private Future<Part> part(String name, String uri, MultiMap headers, Caller caller) {
        Upstream upstream = upstreams.get(name);
        String service = upstream.serviceName();
        MultiMap partHeaders = MultiMap.caseInsensitiveMultiMap().addAll(headers);
        IdentityHeaders.set(partHeaders, caller, tokens, service); // the service token is bound to this service
        Promise<Part> promise = Promise.promise();
        long timer =
                vertx.setTimer(timeoutMillis, t -> promise.tryComplete(new Part(service, List.of(), 0, "late", false)));
        upstream.get(uri, partHeaders, Math.min(timeoutMillis, upstream.timeoutMillis()))
                .onComplete(ar -> {
                    vertx.cancelTimer(timer);
                    promise.tryComplete(
                            ar.succeeded()
                                    ? toPart(service, ar.result())
                                    : new Part(
                                            service,
                                            List.of(),
                                            0,
                                            UpstreamFailure.of(upstream, ar.cause())
                                                    .getMessage(),
                                            false));
                });
        return promise.future();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> asMap(JsonNode record) {
        return mapper.convertValue(record, Map.class);
    }

    private Part toPart(String service, Upstream.Reply reply) {
        if (reply.status() == 403) {
            return new Part(service, List.of(), 0, "refused", true);
        }
        if (reply.status() != 200) {
            return new Part(service, List.of(), 0, service + " answered HTTP " + reply.status(), false);
        }
        try {
            JsonNode page = mapper.readTree(reply.body().getBytes());
            List<JsonNode> items = new ArrayList<>();
            page.path("items").forEach(items::add);
            return new Part(service, items, page.path("total").asLong(), null, false);
        } catch (IOException e) {
            return new Part(service, List.of(), 0, service + " answered with malformed JSON", false);
        }
    }
}
