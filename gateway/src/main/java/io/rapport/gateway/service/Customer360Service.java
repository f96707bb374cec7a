package io.rapport.gateway.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.gateway.config.GatewayConfig;
import io.rapport.gateway.domain.AccessPolicy;
import io.rapport.gateway.domain.Caller;
import io.rapport.gateway.domain.ProxyHeaders;
import io.rapport.gateway.domain.RouteGroup;
import io.rapport.gateway.model.Customer360;
import io.rapport.gateway.model.Customer360.Part;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Composes Customer 360 from four services in parallel. Every part is bounded by
 * {@code rapport.gateway.customer360.timeout} (and its upstream's own timeout and breaker); a part whose
 * service fails or is late is marked UNAVAILABLE and the others are returned. A part the caller's roles may
 * not read through the gateway is not fetched at all (NOT_PERMITTED).
 */
@ApplicationScoped
public class Customer360Service {
    private record Source(String upstream, RouteGroup group, String pathTemplate) {
        String path(UUID id) {
            return pathTemplate.formatted(id);
        }
    }

    private static final Source PROFILE = new Source("customer", RouteGroup.CUSTOMERS, "/api/v1/customers/%s");
    private static final Source CLASSES =
            new Source("segmentation", RouteGroup.SEGMENTS, "/api/v1/segments/customers/%s");
    private static final Source ENGAGEMENT =
            new Source("engagement", RouteGroup.ENGAGEMENT, "/api/v1/engagement/customers/%s/summary");
    private static final Source LOYALTY =
            new Source("loyalty", RouteGroup.LOYALTY, "/api/v1/loyalty/customers/%s/summary");
    /** The latest preference changes (customer-service's Page of PreferenceChange, newest first). */
    static final int PREFERENCE_HISTORY_SIZE = 10;

    private static final Source PREFERENCE_HISTORY = new Source(
            "customer",
            RouteGroup.CUSTOMERS,
            "/api/v1/customers/%s/preferences/history?page=0&size=" + PREFERENCE_HISTORY_SIZE);

    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {};

    private final Upstreams upstreams;
    private final Vertx vertx;
    private final ObjectMapper mapper;
    private final long timeoutMillis;
    private final ServiceTokenIssuer tokens;

    public Customer360Service(
            Upstreams upstreams, Vertx vertx, ObjectMapper mapper, GatewayConfig config, ServiceTokenIssuer tokens) {
        this.upstreams = upstreams;
        this.tokens = tokens;
        this.vertx = vertx;
        this.mapper = mapper;
        this.timeoutMillis = config.customer360().timeout().toMillis();
    }

    public Future<Customer360> compose(UUID id, Caller caller, String requestId, String traceparent) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .set("Accept", "application/json")
                .set(ProxyHeaders.REQUEST_ID, requestId)
                .set(ProxyHeaders.TRACEPARENT, traceparent);
        List<Future<Part>> parts = List.of(PROFILE, CLASSES, ENGAGEMENT, LOYALTY, PREFERENCE_HISTORY).stream()
                .map(source -> part(source, id, caller, headers))
                .toList();
        return Future.join(List.copyOf(parts))
                .map(all -> Customer360.of(
                        id,
                        parts.get(0).result(),
                        parts.get(1).result(),
                        parts.get(2).result(),
                        parts.get(3).result(),
                        history(parts.get(0).result(), parts.get(4).result())));
    }

    /**
     * A 404 for the history of a customer whose profile was found means customer-service does not serve the history
     * route (an older version): the part is unavailable, the rest of the 360 stands.
     */
    static Part history(Part profile, Part history) {
        if (history.status() == Customer360.Status.NOT_FOUND && profile.status() == Customer360.Status.OK) {
            return Part.unavailable(history.service(), history.service() + " does not serve the preference history");
        }
        return history;
    }

    private Future<Part> part(Source source, UUID id, Caller caller, MultiMap headers) {
        Upstream upstream = upstreams.get(source.upstream());
        String service = upstream.serviceName();
        if (!AccessPolicy.mayRead(source.group(), caller)) {
            return Future.succeededFuture(Part.notPermitted(service));
        }
        MultiMap partHeaders = MultiMap.caseInsensitiveMultiMap().addAll(headers);
        IdentityHeaders.set(partHeaders, caller, tokens, service);
        Promise<Part> promise = Promise.promise();
        long timer = vertx.setTimer(
                timeoutMillis,
                t -> promise.tryComplete(
                        Part.unavailable(service, service + " did not answer within " + timeoutMillis + " ms")));
        upstream.get(source.path(id), partHeaders, Math.min(timeoutMillis, upstream.timeoutMillis()))
                .onComplete(ar -> {
                    vertx.cancelTimer(timer);
                    promise.tryComplete(
                            ar.succeeded()
                                    ? toPart(service, ar.result())
                                    : Part.unavailable(
                                            service,
                                            UpstreamFailure.of(upstream, ar.cause())
                                                    .getMessage()));
                });
        return promise.future();
    }

    private Part toPart(String service, Upstream.Reply reply) {
        if (reply.status() == 404) {
            return Part.notFound(service);
        }
        if (reply.status() == 410) {
            return mergedAway(service, reply);
        }
        if (reply.status() != 200) {
            return Part.unavailable(service, service + " answered HTTP " + reply.status());
        }
        try {
            Map<String, Object> data = mapper.readValue(reply.body().getBytes(), OBJECT);
            return Part.ok(service, data);
        } catch (IOException e) {
            // not JSON, or JSON but not an object
            return Part.unavailable(service, service + " answered with malformed JSON");
        }
    }

    /** 410 customer-merged: the service holds the customer under the survivor's id; the part says which, like a 404 otherwise. */
    private Part mergedAway(String service, Upstream.Reply reply) {
        String survivor = null;
        try {
            Map<String, Object> problem = mapper.readValue(reply.body().getBytes(), OBJECT);
            if (problem.get("context") instanceof Map<?, ?> context && context.get("mergedInto") != null) {
                survivor = String.valueOf(context.get("mergedInto"));
            }
        } catch (IOException | RuntimeException e) {
            // no readable problem body: still a merged-away customer
        }
        return new Part(
                Customer360.Status.NOT_FOUND,
                service,
                survivor == null ? "the customer was merged into another" : "the customer was merged into " + survivor,
                null);
    }
}
