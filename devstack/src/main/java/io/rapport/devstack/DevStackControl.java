package io.rapport.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Fault injection into a running dev stack, for the fault harness ({@code ./crm faults}): a small HTTP endpoint on the
 * loopback interface only, whose address {@link DevStackMain} writes to {@code devstack.env} as
 * {@code RAPPORT_DEVSTACK_CONTROL}.
 *
 * <ul>
 * <li>{@code POST /kafka/stop}: shuts the broker down (clients get connection refused); PostgreSQL keeps running</li>
 * <li>{@code POST /kafka/start}: brings it back on the same port with its data</li>
 * <li>{@code POST /postgres/restart[?downtime=S]}: restarts PostgreSQL (open connections are terminated), refusing
 * connections for S seconds in between</li>
 * <li>{@code GET /status}: {@code kafka=up|down}</li>
 * <li>{@code GET /mail}, {@code GET /mail.json}: the mails the local SMTP server received (see mail.MailboxPage)</li>
 * </ul>
 * Each answers 200 when done, 409 when this stack cannot do it (an external server), 405 for another method.
 */
public final class DevStackControl implements AutoCloseable {
    private final HttpServer server;

    private DevStackControl(HttpServer server) {
        this.server = server;
    }

    /** Serves {@code stack}'s controls on 127.0.0.1:{@code port} (0: any free port). */
    public static DevStackControl start(DevStack stack, int port) throws IOException {
        return start(stack, port, null);
    }

    /** As {@link #start(DevStack, int)}, also serving the local mailbox at {@code /mail} when {@code mail} is given. */
    public static DevStackControl start(DevStack stack, int port, io.rapport.devstack.mail.LocalMailServer mail)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        Map<String, java.util.function.Consumer<Duration>> actions = Map.of(
                "/kafka/stop", d -> stack.stopKafka(),
                "/kafka/start", d -> stack.startKafka(),
                "/postgres/restart", stack::restartPostgres);
        actions.forEach((path, action) -> server.createContext(path, exchange -> {
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "use POST\n");
                return;
            }
            try {
                System.out.println("devstack: " + path + " requested");
                action.accept(downtime(exchange));
                System.out.println("devstack: " + path + " done");
                answer(exchange, 200, "done\n");
            } catch (UnsupportedOperationException e) {
                answer(exchange, 409, e.getMessage() + "\n");
            } catch (RuntimeException e) {
                e.printStackTrace(System.out);
                answer(exchange, 500, e + "\n");
            }
        }));
        server.createContext(
                "/status", exchange -> answer(exchange, 200, "kafka=" + (stack.kafkaRunning() ? "up" : "down") + "\n"));
        if (mail != null) {
            io.rapport.devstack.mail.MailboxPage.register(server, mail);
        }
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "devstack-control");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return new DevStackControl(server);
    }

    /** {@code ?downtime=S}: seconds PostgreSQL stays down during a restart (default 0). */
    private static Duration downtime(HttpExchange exchange) {
        String query = exchange.getRequestURI().getQuery();
        if (query != null && query.startsWith("downtime=")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(query.substring("downtime=".length())) * 1000));
        }
        return Duration.ZERO;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:40123}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
