package io.rapport.gateway.proxy;

import io.rapport.gateway.config.GatewayConfig;
import io.rapport.platform.rest.HttpConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Request body limits in bytes: {@code rapport.http.max-large-body-size} under the bulk-import prefixes
 * ({@code rapport.gateway.large-body-paths}), else {@code rapport.http.max-body-size}.
 */
@ApplicationScoped
public class BodyLimits {
    private final HttpConfig http;
    private final GatewayConfig config;

    public BodyLimits(HttpConfig http, GatewayConfig config) {
        this.http = http;
        this.config = config;
    }

    public long limit(String path) {
        boolean large = config.largeBodyPaths().stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
        return large ? http.maxLargeBodySize() : http.maxBodySize();
    }
}
