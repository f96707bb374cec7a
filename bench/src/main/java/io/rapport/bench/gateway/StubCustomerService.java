package io.rapport.bench.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for customer-service when the real one is not running: answers every GET with the same
 * customer profile (about 600 bytes of JSON, the size of a real profile with preferences and consents).
 */
final class StubCustomerService implements AutoCloseable {
    private static final byte[] PROFILE = ("""
            {"id":"3f0c6f1e-9a52-4c3b-8d0a-2f7e5b1c9d44","kind":"CONSUMER","status":"ACTIVE","name":"Alice Martin",
             "email":"alice.martin@example.com","phone":"+33612345678","timeZone":"Europe/Paris","version":3,
             "preferences":{"pillow":"long","newsletter":"monthly"},
             "consents":[{"channel":"EMAIL","granted":true,"at":"2025-01-02T10:00:00Z","source":"web form"},
                         {"channel":"SMS","granted":false,"at":"2025-01-02T10:00:00Z","source":"web form"}],
             "createdAt":"2024-11-20T08:30:00Z","updatedAt":"2025-06-01T12:00:00Z"}
            """).getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);

    StubCustomerService(int port) throws IOException {
        // without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: ~40 ms per call
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("ETag", "\"3\"");
                exchange.sendResponseHeaders(200, PROFILE.length);
                exchange.getResponseBody().write(PROFILE);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
