package io.rapport.bench.faults;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady purchase load through the gateway: {@code rate} purchases a second, spread over the customers, each with its
 * own order id. A purchase whose call got no answer or a 5xx (a timeout, a killed service) is sent again with the same
 * order id until customer-service answers (201 created, or 200 when the first call had been committed after all), so
 * every purchase ends accepted exactly once, or rejected (a 4xx: a harness bug, reported).
 */
final class PurchaseLoad {
    /** A purchase customer-service accepted. */
    record Accepted(
            String scenario,
            String orderId,
            String purchaseId,
            String customerId,
            BigDecimal amount,
            Instant at,
            int attempts) {}

    /** A purchase customer-service refused (a 4xx), or that never got an answer within the patience. */
    record Rejected(String scenario, String orderId, String customerId, int status, String detail) {}

    private final GatewayApi api;
    private final List<String> customers;
    private final String runId;
    private final Duration patience;
    private final Queue<Accepted> accepted = new ConcurrentLinkedQueue<>();
    private final Queue<Rejected> rejected = new ConcurrentLinkedQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final Random random = new Random(42);
    private ScheduledExecutorService ticker;
    private ExecutorService senders;

    PurchaseLoad(GatewayApi api, List<String> customers, String runId, Duration patience) {
        this.api = api;
        this.customers = customers;
        this.runId = runId;
        this.patience = patience;
    }

    /** Starts sending {@code rate} purchases a second for {@code scenario}. */
    synchronized void start(String scenario, double rate) {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "load-ticker"));
        senders = Executors.newFixedThreadPool(16, r -> daemon(r, "load-sender"));
        long periodMicros = Math.max(1000, Math.round(1_000_000 / rate));
        ExecutorService pool = senders;
        ticker.scheduleAtFixedRate(
                () -> pool.execute(() -> purchase(scenario)), 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    /** Stops starting purchases and waits until every started one is accepted or rejected. */
    synchronized void stopAndDrain() throws InterruptedException {
        ticker.shutdownNow();
        ticker.awaitTermination(10, TimeUnit.SECONDS);
        senders.shutdown();
        if (!senders.awaitTermination(patience.toSeconds() + 30, TimeUnit.SECONDS)) {
            senders.shutdownNow();
        }
    }

    private void purchase(String scenario) {
        long n = sequence.incrementAndGet();
        String customerId = customers.get((int) (n % customers.size()));
        int euros;
        synchronized (random) {
            euros = 5 + random.nextInt(196);
        }
        BigDecimal amount = BigDecimal.valueOf(euros);
        String orderId = "FAULTS-" + runId + "-" + n;
        Map<String, Object> body = Map.of(
                "sourceSystem",
                "faults",
                "orderId",
                orderId,
                "occurredAt",
                Instant.now().toString(),
                "currency",
                "EUR",
                "channel",
                "web",
                "lines",
                List.of(Map.of(
                        "sku",
                        "FAULT-1",
                        "category",
                        "faults",
                        "quantity",
                        1,
                        "unitPrice",
                        amount.toPlainString(),
                        "unitCost",
                        amount.divide(BigDecimal.valueOf(2)).toPlainString())));
        String path = "/api/v1/customers/" + customerId + "/purchases";
        long deadline = System.nanoTime() + patience.toNanos();
        long pause = 250;
        int attempts = 1;
        GatewayApi.Reply reply = api.post(path, body);
        while (reply.transientFailure() && System.nanoTime() < deadline) {
            retries.incrementAndGet();
            GatewayApi.sleep(pause);
            pause = Math.min(2000, pause * 2);
            attempts++;
            reply = api.post(
                    path, body); // the same order id: a purchase committed before the timeout is answered as a replay
        }
        if (reply.ok() && reply.body().hasNonNull("id")) {
            accepted.add(new Accepted(
                    scenario, orderId, reply.body().get("id").asText(), customerId, amount, Instant.now(), attempts));
        } else {
            rejected.add(new Rejected(
                    scenario,
                    orderId,
                    customerId,
                    reply.status(),
                    reply.status() == 0
                            ? "no answer within " + patience
                            : reply.body().path("title").asText("") + " "
                                    + reply.body().path("detail").asText("")));
        }
    }

    List<Accepted> accepted(String scenario) {
        return accepted.stream().filter(a -> a.scenario().equals(scenario)).toList();
    }

    List<Accepted> allAccepted() {
        return List.copyOf(accepted);
    }

    List<Rejected> rejected(String scenario) {
        return rejected.stream().filter(r -> r.scenario().equals(scenario)).toList();
    }

    long retries() {
        return retries.get();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
