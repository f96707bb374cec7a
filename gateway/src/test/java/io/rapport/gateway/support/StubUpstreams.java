package io.rapport.gateway.support;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.rapport.gateway.domain.ApiKeyHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts the four stub services and a control server (POST /down/{name}, /up/{name}, /release/{name}; GET
 * /held/{name}: requests to a {@code /hold} path held open now) before the gateway boots,
 * creates the test key pair, and points the gateway at all of them with short timeouts.
 */
public class StubUpstreams implements QuarkusTestResourceLifecycleManager {
    public static final String ACME_KEY = "test-key-acme-0123456789";
    public static final String READER_KEY = "test-key-reader-0123456789";
    public static final String TINY_KEY = "test-key-tiny-0123456789";
    public static final String SMALL_KEY = "test-key-small-0123456789";

    private final Map<String, StubUpstream> stubs = new LinkedHashMap<>();
    private HttpServer control;

    @Override
    public Map<String, String> start() {
        stubs.put("customer", new StubUpstream("customer", "/api/v1/customers"));
        stubs.put("segmentation", new StubUpstream("segmentation", "/api/v1/segments"));
        stubs.put("engagement", new StubUpstream("engagement", "/api/v1/engagement"));
        stubs.put("loyalty", new StubUpstream("loyalty", "/api/v1/loyalty"));
        startControl();
        Map<String, String> config = new HashMap<>();
        stubs.forEach((name, stub) -> {
            config.put("rapport.gateway.upstreams." + name + ".url", stub.url());
            config.put("rapport.gateway.upstreams." + name + ".timeout", "1s");
            config.put("rapport.gateway.upstreams." + name + ".breaker-failure-threshold", "3");
            config.put("rapport.gateway.upstreams." + name + ".breaker-open-duration", "1s");
            // the console's Health page reads readiness from here (the stub answers any path)
            config.put("rapport.console.management." + name, stub.url());
        });
        config.put(
                "test.stub.control-url",
                "http://127.0.0.1:" + control.getAddress().getPort());
        config.put("rapport.gateway.customer360.timeout", "1500ms");
        config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        config.put(
                "mp.jwt.verify.publickey.location",
                TestTokens.publicKeyFile().toUri().toString());
        config.put(
                "rapport.gateway.service-token.private-key-location",
                TestTokens.serviceKeyFile("private.pem").toString());
        partnerKey(config, "acme", ACME_KEY, "acme-travel", "partner:read,partner:write");
        partnerKey(config, "reader", READER_KEY, "reader-shop", "partner:read");
        partnerKey(config, "tiny", TINY_KEY, "tiny-cafe", "partner:read");
        config.put("rapport.gateway.api-keys.tiny.rate-limit-capacity", "3");
        config.put("rapport.gateway.api-keys.tiny.rate-limit-per-second", "0.01");
        partnerKey(config, "small", SMALL_KEY, "small-bistro", "partner:read");
        config.put("rapport.gateway.api-keys.small.rate-limit-capacity", "2");
        config.put("rapport.gateway.api-keys.small.rate-limit-per-second", "0.01");
        config.put("rapport.gateway.partner-keys.cache-ttl", "1s");
        config.put("rapport.http.max-body-size", "65536");
        config.put("rapport.gateway.rate-limit.capacity", "100000");
        config.put("rapport.gateway.rate-limit.per-second", "100000");
        config.put("rapport.gateway.bulkhead.max-in-flight-per-caller", "4");
        return config;
    }

    private static void partnerKey(
            Map<String, String> config, String label, String key, String partnerId, String scopes) {
        config.put("rapport.gateway.api-keys." + label + ".sha256", ApiKeyHash.sha256Hex(key));
        config.put("rapport.gateway.api-keys." + label + ".partner-id", partnerId);
        config.put("rapport.gateway.api-keys." + label + ".scopes", scopes);
    }

    private void startControl() {
        try {
            control = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        control.createContext("/", exchange -> {
            try (exchange) {
                String[] parts = exchange.getRequestURI().getPath().split("/");
                StubUpstream stub = parts.length == 3 ? stubs.get(parts[2]) : null;
                int status = 404;
                if (stub != null && parts[1].equals("held")) {
                    byte[] body = Integer.toString(stub.held()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    return;
                }
                if (stub != null && parts[1].equals("release")) {
                    stub.release();
                    status = 204;
                } else if (stub != null && parts[1].equals("down")) {
                    stub.down();
                    status = 204;
                } else if (stub != null && parts[1].equals("up")) {
                    stub.up();
                    status = 204;
                }
                exchange.sendResponseHeaders(status, -1);
            }
        });
        control.start();
    }

    @Override
    public void stop() {
        stubs.values().forEach(StubUpstream::down);
        if (control != null) {
            control.stop(0);
        }
    }
}
