package io.rapport.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;

/**
 * A stand-in for one Rapport service: echoes what it received as JSON (method, path, query, headers, body
 * length), serves a small OpenAPI document naming its own paths, and plays the customer-specific cases
 * Customer 360 needs (an unknown customer, a slow engagement summary). Can be taken down and brought back on
 * the same port.
 */
public final class StubUpstream {
    public static final String UNKNOWN_CUSTOMER = "00000000-0000-0000-0000-000000000404";
    public static final String SLOW_CUSTOMER = "00000000-0000-0000-0000-00000000510a";

    private final String name;
    private final String prefix;
    private final int port;
    private HttpServer server;

    public StubUpstream(String name, String prefix) {
        this.name = name;
        this.prefix = prefix;
        this.port = start(0);
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public synchronized void up() {
        if (server == null) {
            start(port);
        }
    }

    private synchronized int start(int wanted) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", wanted), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long bodyLength = drain(exchange.getRequestBody());
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals("/q/openapi")) {
                reply(exchange, 200, openApi());
                return;
            }
            if (path.contains("/slow") || path.contains(SLOW_CUSTOMER) && name.equals("engagement")) {
                sleep(5_000);
            }
            if (path.endsWith("/created")) {
                // like a service behind the gateway: Location names the service's own host and port
                exchange.getResponseHeaders().add("Location", url() + path + "/42");
                reply(exchange, 201, "{}");
                return;
            }
            if (path.contains(UNKNOWN_CUSTOMER)) {
                reply(exchange, 404, "{\"status\":404,\"title\":\"Not found\"}");
                return;
            }
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join("|", v)));
            StringBuilder json = new StringBuilder("{\"service\":\"").append(name).append("\",\"method\":\"")
                    .append(exchange.getRequestMethod()).append("\",\"path\":\"").append(esc(path))
                    .append("\",\"query\":\"").append(esc(String.valueOf(exchange.getRequestURI().getRawQuery())))
                    .append("\",\"bodyLength\":").append(bodyLength).append(",\"headers\":{");
            headers.forEach((k, v) -> json.append('"').append(esc(k)).append("\":\"").append(esc(v)).append("\","));
            if (!headers.isEmpty()) {
                json.setLength(json.length() - 1);
            }
            json.append("}}");
            exchange.getResponseHeaders().add("X-Upstream", name);
            exchange.getResponseHeaders().add("Connection", "keep-alive, X-Secret-Hop");
            exchange.getResponseHeaders().add("X-Secret-Hop", "must not leave the gateway");
            reply(exchange, 200, json.toString());
        }
    }

    private String openApi() {
        return """
                {"openapi":"3.0.3","info":{"title":"%1$s","version":"1"},
                 "tags":[{"name":"%1$s"}],
                 "paths":{"%2$s/{id}":{"get":{"tags":["%1$s"],"responses":{"200":{"description":"ok",
                   "content":{"application/json":{"schema":{"$ref":"#/components/schemas/Summary"}}}}}}}},
                 "components":{"schemas":{"Problem":{"type":"object"},
                   "Summary":{"type":"object","description":"summary of %1$s"}}}}
                """.formatted(name, prefix);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status == 404 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static long drain(InputStream in) throws IOException {
        long n = 0;
        byte[] buffer = new byte[65536];
        for (int r; (r = in.read(buffer)) > 0;) {
            n += r;
        }
        return n;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis); // plays a slow service; nothing waits on this
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
