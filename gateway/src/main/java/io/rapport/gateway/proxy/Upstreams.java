package io.rapport.gateway.proxy;

import io.rapport.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configured upstreams; the four services must all be configured or the gateway does not start. */
@ApplicationScoped
public class Upstreams {
    public static final List<String> REQUIRED = List.of("customer", "segmentation", "engagement", "loyalty");
    private final Map<String, Upstream> byName = new LinkedHashMap<>();

    public Upstreams(Vertx vertx, GatewayConfig config) {
        for (String name : REQUIRED) {
            GatewayConfig.Upstream upstream = config.upstreams().get(name);
            if (upstream == null) {
                throw new IllegalStateException("rapport.gateway.upstreams." + name + ".url is not configured");
            }
            byName.put(name, new Upstream(vertx, name, upstream));
        }
    }

    public Upstream get(String name) {
        Upstream upstream = byName.get(name);
        if (upstream == null) {
            throw new IllegalArgumentException("no upstream " + name);
        }
        return upstream;
    }

    public Collection<Upstream> all() {
        return byName.values();
    }

    @PreDestroy
    void close() {
        byName.values().forEach(Upstream::close);
    }
}
