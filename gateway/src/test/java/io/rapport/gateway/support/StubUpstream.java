package io.rapport.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
    /** A customer whose customer-service answers like a version without the preference history route (404). */
    public static final String NO_HISTORY_CUSTOMER = "00000000-0000-0000-0000-0000000000a1";
    /** A customer merged away: engagement answers 410 customer-merged naming {@link #SURVIVOR}. */
    public static final String MERGED_CUSTOMER = "00000000-0000-0000-0000-000000000410";

    public static final String SURVIVOR = "00000000-0000-0000-0000-0000000000b1";

    /**
     * The partner keys the loyalty stub knows (issue 17 #14): SHA-256 of the key to the answer of
     * {@code GET /api/v1/loyalty/internal/partner-keys/{sha256}}; unknown hashes get 404. Tests change it freely.
     */
    public static final Map<String, String> PARTNER_KEYS = new java.util.concurrent.ConcurrentHashMap<>();
    /** Lookups the loyalty stub answered (to see the gateway's cache at work). */
    public static final java.util.concurrent.atomic.AtomicInteger PARTNER_KEY_LOOKUPS =
            new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Canned answers for the console's tests, asked first while set: (service, method, path, query, subject of the
     * service token) to {status, JSON body}, or null for the usual behaviour.
     */
    public interface Canned {
        String[] answer(String service, String method, String path, String query, String subject);
    }

    public static volatile Canned CANNED;

    private final String name;
    private final String prefix;
    private final int port;
    private final java.util.concurrent.atomic.AtomicInteger held = new java.util.concurrent.atomic.AtomicInteger();
    private volatile java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
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

    /** Requests to a {@code /hold} path being held open now. */
    public int held() {
        return held.get();
    }

    /** Lets every held request finish (200). */
    public void release() {
        java.util.concurrent.CountDownLatch open = gate;
        gate = new java.util.concurrent.CountDownLatch(1);
        open.countDown();
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
            Canned canned = CANNED;
            String[] cannedAnswer = canned == null
                    ? null
                    : canned.answer(
                            name,
                            exchange.getRequestMethod(),
                            path,
                            exchange.getRequestURI().getRawQuery(),
                            subjectOfServiceToken(exchange.getRequestHeaders().getFirst("Authorization")));
            if (cannedAnswer != null) {
                reply(exchange, Integer.parseInt(cannedAnswer[0]), cannedAnswer[1]);
                return;
            }
            if (path.equals("/q/openapi")) {
                reply(exchange, 200, openApi());
                return;
            }
            if (name.equals("loyalty") && path.startsWith("/api/v1/loyalty/internal/partner-keys/")) {
                PARTNER_KEY_LOOKUPS.incrementAndGet();
                String answer = PARTNER_KEYS.get(path.substring(path.lastIndexOf('/') + 1));
                reply(exchange, answer == null ? 404 : 200, answer == null ? "{\"status\":404}" : answer);
                return;
            }
            if (path.endsWith("/hold")) {
                hold(exchange);
                return;
            }
            if (path.endsWith("/fail503")) {
                // what a service answers when the request's statement ran past its statement timeout
                exchange.getResponseHeaders().add("Retry-After", "5");
                reply(exchange, 503, "{\"type\":\"https://rapport.dev/problems/statement-timeout\",\"status\":503}");
                return;
            }
            if (path.contains("/slow") || path.contains(SLOW_CUSTOMER) && name.equals("engagement")) {
                sleep(5_000);
            }
            if (path.endsWith("/audit")) {
                reply(exchange, 200, audit(exchange));
                return;
            }
            if (path.endsWith("/created")) {
                // like a service behind the gateway: Location names the service's own host and port
                exchange.getResponseHeaders().add("Location", url() + path + "/42");
                reply(exchange, 201, "{}");
                return;
            }
            if (path.contains(MERGED_CUSTOMER) && path.startsWith("/api/v1/engagement/")) {
                reply(
                        exchange,
                        410,
                        "{\"type\":\"https://rapport.io/problems/customer-merged\",\"status\":410,"
                                + "\"title\":\"Customer merged\",\"context\":{\"mergedInto\":\"" + SURVIVOR + "\"}}");
                return;
            }
            if (path.contains(NO_HISTORY_CUSTOMER) && path.endsWith("/preferences/history")) {
                reply(exchange, 404, "{\"status\":404,\"title\":\"Not found\"}");
                return;
            }
            if (path.contains(UNKNOWN_CUSTOMER)) {
                reply(exchange, 404, "{\"status\":404,\"title\":\"Not found\"}");
                return;
            }
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join("|", v)));
            StringBuilder json = new StringBuilder("{\"service\":\"")
                    .append(name)
                    .append("\",\"method\":\"")
                    .append(exchange.getRequestMethod())
                    .append("\",\"path\":\"")
                    .append(esc(path))
                    .append("\",\"query\":\"")
                    .append(esc(String.valueOf(exchange.getRequestURI().getRawQuery())))
                    .append("\",\"bodyLength\":")
                    .append(bodyLength)
                    .append(",\"headers\":{");
            headers.forEach((k, v) -> json.append('"')
                    .append(esc(k))
                    .append("\":\"")
                    .append(esc(v))
                    .append("\","));
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

    /**
     * Keeps the request in flight until {@link #release()} (at most 10 s), trickling a byte every 100 ms so that the
     * gateway's idle timeout does not end it first.
     */
    private void hold(HttpExchange exchange) throws IOException {
        java.util.concurrent.CountDownLatch open = gate;
        held.incrementAndGet();
        try {
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0);
            for (int i = 0; i < 100; i++) {
                exchange.getResponseBody().write(' ');
                exchange.getResponseBody().flush();
                if (open.await(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
            exchange.getResponseBody().write("released".getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            held.decrementAndGet();
        }
    }

    /**
     * An audit page as every service answers it: customer-service has records at 10:00:04 and 10:00:01, segmentation at
     * 10:00:03, loyalty at 10:00:02, engagement none; the actor is the caller the gateway named.
     */
    private String audit(HttpExchange exchange) {
        String actor = subjectOfServiceToken(exchange.getRequestHeaders().getFirst("Authorization"));
        List<Integer> seconds = switch (name) {
            case "customer" -> List.of(4, 1);
            case "segmentation" -> List.of(3);
            case "loyalty" -> List.of(2);
            default -> List.of();
        };
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < seconds.size(); i++) {
            items.append(i == 0 ? "" : ",")
                    .append("{\"id\":")
                    .append(seconds.size() - i)
                    .append(",\"service\":\"")
                    .append(name)
                    .append("-service\",\"at\":\"2026-05-04T10:00:0")
                    .append(seconds.get(i))
                    .append("Z\",\"actor\":\"")
                    .append(esc(actor))
                    .append("\",\"query\":\"")
                    .append(esc(String.valueOf(exchange.getRequestURI().getRawQuery())))
                    .append("\"}");
        }
        return "{\"items\":[" + items + "],\"page\":0,\"size\":20,\"total\":" + seconds.size() + "}";
    }

    /** The {@code sub} of the service token the gateway signed for this upstream (the stub trusts it unverified). */
    private static String subjectOfServiceToken(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return "none";
        }
        String[] parts = authorization.substring(7).split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]*)\"").matcher(claims);
        return m.find() ? m.group(1) : "none";
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
        exchange.getResponseHeaders()
                .add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static long drain(InputStream in) throws IOException {
        long n = 0;
        byte[] buffer = new byte[65536];
        for (int r; (r = in.read(buffer)) > 0; ) {
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
