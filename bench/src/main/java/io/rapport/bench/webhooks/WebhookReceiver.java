package io.rapport.bench.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A partner's webhook endpoint for {@code ./crm demo}, on this machine: every POST is checked against the Standard
 * Webhooks signature with the secrets in {@code <dir>/secrets} (one {@code whsec_} secret a line, written by the demo
 * when it subscribes; read on every request, so a new or rotated secret needs no restart). A valid request is answered
 * 204 and kept once per {@code webhook-id} (a redelivery is answered 204 again and counted as a duplicate); an invalid
 * one is answered 401 and kept as refused. Everything is appended to {@code <dir>/received.jsonl}, read back at start,
 * and listed by {@code GET /} (HTML) and {@code GET /events.json}.
 */
public final class WebhookReceiver implements AutoCloseable {
    static final int MAX_BODY = 1 << 20;
    private static final int KEPT_IN_MEMORY = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Path dir;
    private final Path secrets;
    private final Path log;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<ReceivedEvent> events = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private long duplicates;

    public WebhookReceiver(Path dir, InetSocketAddress address, Clock clock) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.secrets = dir.resolve("secrets");
        this.log = dir.resolve("received.jsonl");
        this.clock = clock;
        load();
        this.server = HttpServer.create(address, 16);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    public WebhookReceiver start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** What was received so far (oldest first, at most the last 2,000), with the counts. */
    public synchronized Summary summary() {
        long verified = events.stream().filter(ReceivedEvent::verified).count();
        return new Summary(verified, events.size() - verified, duplicates, List.copyOf(events));
    }

    public record Summary(long verified, long refused, long duplicates, List<ReceivedEvent> events) {}

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if ("GET".equals(method) && ("/events.json".equals(path) || "/events".equals(path))) {
                reply(exchange, 200, "application/json", JSON.writeValueAsBytes(summary()));
            } else if ("GET".equals(method) && "/".equals(path)) {
                reply(exchange, 200, "text/html; charset=utf-8", ReceiverPage.html(summary(), port()));
            } else if ("POST".equals(method)) {
                receive(exchange, path);
            } else {
                reply(
                        exchange,
                        405,
                        "text/plain",
                        "POST a webhook, GET / or /events.json".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void receive(HttpExchange exchange, String path) throws IOException {
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            reply(exchange, 413, "application/problem+json", problem(413, "body too large", "at most 1 MB"));
            return;
        }
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        WebhookSignature.Outcome outcome = WebhookSignature.verify(
                readSecrets(),
                id,
                exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                exchange.getRequestHeaders().getFirst("webhook-signature"),
                body,
                clock.instant());
        boolean valid = outcome == WebhookSignature.Outcome.VALID;
        JsonNode event = parse(body);
        ReceivedEvent received = new ReceivedEvent(
                id,
                text(event, "type"),
                text(event, "subject"),
                text(event, "time"),
                clock.instant(),
                valid,
                outcome.name(),
                path,
                valid ? event.path("data") : null);
        if (keep(received)) {
            append(received);
        }
        if (valid) {
            reply(exchange, 204, null, new byte[0]);
        } else {
            reply(exchange, 401, "application/problem+json", problem(401, "signature refused", outcome.name()));
        }
    }

    /** Keeps a refused request, or a verified one whose webhook-id is new; answers whether it was kept. */
    private synchronized boolean keep(ReceivedEvent e) {
        if (e.verified() && !seen.add(e.webhookId())) {
            duplicates++;
            return false;
        }
        events.add(e);
        if (events.size() > KEPT_IN_MEMORY) {
            events.remove(0);
        }
        return true;
    }

    private synchronized void append(ReceivedEvent e) throws IOException {
        Files.writeString(
                log,
                JSON.writeValueAsString(e) + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private void load() throws IOException {
        if (!Files.exists(log)) {
            return;
        }
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                keep(JSON.readValue(line, ReceivedEvent.class));
            } catch (IOException e) {
                // a line cut short by a kill: skipped
            }
        }
    }

    private List<String> readSecrets() throws IOException {
        if (!Files.exists(secrets)) {
            return List.of();
        }
        return Files.readAllLines(secrets, StandardCharsets.UTF_8).stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() ? v.asText() : null;
    }

    private static byte[] problem(int status, String title, String detail) throws IOException {
        ObjectNode p = JSON.createObjectNode();
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        return JSON.writeValueAsBytes(p);
    }

    private static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
