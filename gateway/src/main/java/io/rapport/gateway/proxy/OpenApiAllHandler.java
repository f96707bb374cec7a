package io.rapport.gateway.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.rapport.gateway.config.GatewayConfig;
import io.rapport.gateway.domain.OpenApiMerger;
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
 * {@code GET /q/openapi-all} (JSON; YAML at {@code /q/openapi-all.yaml}): the gateway's own document merged with every upstream's
 * {@code /q/openapi?format=json}, with the gateway's security schemes (see {@link OpenApiMerger}). The result is
 * reused for {@code rapport.gateway.openapi.cache-ttl}; a service that does not answer is left out and listed
 * in {@code x-rapport-unavailable} (and such a partial document is not cached).
 */
@ApplicationScoped
public class OpenApiAllHandler implements Handler<RoutingContext> {
    private static final String DOC = "/q/openapi?format=json";
    private static final List<String> ORDER = List.of("customer", "segmentation", "engagement", "loyalty");
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();

    private record Cached(JsonNode document, String json, String yaml, long expiresAt) {}

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
            send(ctx, cached);
            return;
        }
        long timeout = config.fetchTimeout().toMillis();
        Future<JsonNode> own = self.request(new RequestOptions()
                        .setMethod(HttpMethod.GET)
                        .setHost(ctx.request().localAddress().hostAddress())
                        .setPort(ctx.request().localAddress().port())
                        .setURI(DOC)
                        .setIdleTimeout(timeout))
                .compose(req -> req.send())
                .compose(resp -> resp.body())
                .map(this::parse);
        List<Upstream> services = new ArrayList<>(upstreams.all());
        // a fixed order, so that renamed components are named the same on every call (and as OpenApiFilesMain names
        // them)
        services.sort(java.util.Comparator.comparingInt(
                        (Upstream u) -> ORDER.indexOf(u.name()) < 0 ? ORDER.size() : ORDER.indexOf(u.name()))
                .thenComparing(Upstream::name));
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
            JsonNode document = merger.build();
            Cached built = new Cached(
                    document,
                    write(document),
                    yaml(document),
                    System.nanoTime() + config.cacheTtl().toNanos());
            if (!partial) {
                cache.set(built);
            }
            send(ctx, built);
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

    private static String yaml(JsonNode node) {
        try {
            return YAML.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** YAML for {@code /q/openapi-all.yaml}, {@code ?format=yaml} or an Accept naming YAML first; JSON otherwise. */
    private static void send(RoutingContext ctx, Cached document) {
        String format = ctx.request().getParam("format");
        String accept = ctx.request().getHeader("Accept");
        boolean yaml = ctx.request().path().endsWith(".yaml")
                || "yaml".equalsIgnoreCase(format)
                || (format == null
                        && !ctx.request().path().endsWith(".json")
                        && accept != null
                        && (accept.startsWith("application/yaml")
                                || accept.startsWith("text/yaml")
                                || accept.startsWith("application/x-yaml")));
        if (yaml) {
            ctx.response()
                    .putHeader("Content-Type", "application/yaml; charset=utf-8")
                    .end(document.yaml());
        } else {
            ctx.response().putHeader("Content-Type", "application/json").end(document.json());
        }
    }

    @PreDestroy
    void close() {
        self.close();
    }
}
