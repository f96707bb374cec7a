package io.rapport.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.gateway.config.GatewayConfig;
import io.rapport.gateway.domain.OpenApiMerger;
import io.rapport.gateway.proxy.Upstream;
import io.rapport.gateway.proxy.Upstreams;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code GET /q/openapi-all}: the gateway's own document merged with every upstream's
 * {@code /q/openapi?format=json}, with the gateway's security schemes (see {@link OpenApiMerger}). The result is
 * reused for {@code rapport.gateway.openapi.cache-ttl}; a service that does not answer is left out and listed
 * in {@code x-rapport-unavailable} (and such a partial document is not cached).
 */
@ApplicationScoped
public class OpenApiAllHandler implements Handler<RoutingContext> {
    private static final String DOC = "/q/openapi?format=json";
    private record Cached(String json, long expiresAt) {
    }

    private final Upstreams upstreams;
    private final ObjectMapper mapper;
    private final HttpClient self;
    private final GatewayConfig.OpenApi config;
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    public OpenApiAllHandler(Upstreams upstreams, ObjectMapper mapper, Vertx vertx, GatewayConfig config) {
        this.upstreams = upstreams;
        this.mapper = mapper;
        this.self = vertx.createHttpClient();
        this.config = config.openapi();
    }

    @Override
    public void handle(RoutingContext ctx) {
        Cached cached = cache.get();
        if (cached != null && System.nanoTime() - cached.expiresAt() < 0) {
            send(ctx, cached.json());
            return;
        }
        long timeout = config.fetchTimeout().toMillis();
        Future<JsonNode> own = self.request(new RequestOptions().setMethod(HttpMethod.GET)
                        .setHost(ctx.request().localAddress().hostAddress()).setPort(ctx.request().localAddress().port())
                        .setURI(DOC).setIdleTimeout(timeout))
                .compose(req -> req.send()).compose(resp -> resp.body()).map(this::parse);
        List<Upstream> services = new ArrayList<>(upstreams.all());
        List<Future<JsonNode>> docs = services.stream()
                .map(u -> u.get(DOC, MultiMap.caseInsensitiveMultiMap().set("Accept", "application/json"), timeout)
                        .map(reply -> reply.status() == 200 ? parse(reply.body()) : null))
                .toList();
        List<Future<?>> all = new ArrayList<>(docs);
        all.add(own);
        Future.join(all).onComplete(ignored -> {
            OpenApiMerger merger = new OpenApiMerger("Rapport API", "0.1.0");
            if (own.succeeded() && own.result() != null) {
                merger.add("gateway", own.result());
            }
            boolean partial = false;
            for (int i = 0; i < services.size(); i++) {
                Future<JsonNode> doc = docs.get(i);
                if (doc.succeeded() && doc.result() != null) {
                    merger.add(services.get(i).name(), doc.result());
                } else {
                    merger.unavailable(services.get(i).serviceName());
                    partial = true;
                }
            }
            String json = write(merger.build());
            if (!partial) {
                cache.set(new Cached(json, System.nanoTime() + config.cacheTtl().toNanos()));
            }
            send(ctx, json);
        });
    }

    private JsonNode parse(Buffer body) {
        try {
            return mapper.readTree(body.getBytes());
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static void send(RoutingContext ctx, String json) {
        ctx.response().putHeader("Content-Type", "application/json").end(json);
    }

    @PreDestroy
    void close() {
        self.close();
    }
}
