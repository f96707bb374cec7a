package io.rapport.bench.gateway;

import io.rapport.bench.token.DevKeys;
import io.rapport.bench.token.DevTokens;
import io.rapport.bench.token.ServiceTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GET customer by id through the gateway vs directly from customer-service, in one run with one load generator:
 * alternating phases (direct, gateway, direct, gateway, ...) after a warm-up of both, {@code --clients} closed-loop
 * clients each. Prints throughput, the gateway/direct ratio (target: at least 80%) and the median latency the
 * gateway adds (target: under 2 ms).
 *
 * <p>Arguments: {@code --gateway http://localhost:8080} {@code --direct http://localhost:8091} (or
 * {@code --stub-port 18091}: start a stand-in customer-service on that port; the gateway must be started with
 * {@code RAPPORT_UPSTREAM_CUSTOMER_URL} pointing at it), {@code --customer <uuid>}, {@code --clients 16},
 * {@code --seconds 10} per phase, {@code --rounds 3}, {@code --warmup 15} seconds per path, {@code --token <jwt>} (default: a dev token for role sales,
 * which a gateway in the dev profile accepts).
 */
public final class GatewayBench {
    private GatewayBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String gateway = opts.getOrDefault("gateway", "http://localhost:8080");
        String customer = opts.getOrDefault("customer", "3f0c6f1e-9a52-4c3b-8d0a-2f7e5b1c9d44");
        int clients = Integer.parseInt(opts.getOrDefault("clients", "16"));
        Duration phase = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("seconds", "10")));
        int rounds = Integer.parseInt(opts.getOrDefault("rounds", "3"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("warmup", "15")));
        String token = opts.containsKey("token")
                ? opts.get("token")
                : DevTokens.sign(DevKeys.privateKey(), "bench", List.of("sales"), Duration.ofHours(1));

        StubCustomerService stub =
                opts.containsKey("stub-port") ? new StubCustomerService(Integer.parseInt(opts.get("stub-port"))) : null;
        String direct = stub != null ? stub.url() : opts.getOrDefault("direct", "http://localhost:8091");
        try {
            String path = "/api/v1/customers/" + customer;
            URI directUri = URI.create(direct + path);
            URI gatewayUri = URI.create(gateway + path);
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            System.out.printf(
                    "GET %s, %d clients, %d rounds of %d s per side; upstream: %s%n",
                    path,
                    clients,
                    rounds,
                    phase.toSeconds(),
                    stub != null ? "stub customer-service (in this process)" : direct);

            LoadRun.run("warm-up direct", client, directUri, ServiceTokens.bearer("customer-service"), clients, warmup);
            LoadRun.run("warm-up gateway", client, gatewayUri, "Bearer " + token, clients, warmup);
            long directRequests = 0;
            long gatewayRequests = 0;
            double directSeconds = 0;
            double gatewaySeconds = 0;
            double[] directMedians = new double[rounds];
            double[] gatewayMedians = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                LoadRun.Result d = LoadRun.run(
                        "direct", client, directUri, ServiceTokens.bearer("customer-service"), clients, phase);
                LoadRun.Result g = LoadRun.run("gateway", client, gatewayUri, "Bearer " + token, clients, phase);
                print(r + 1, d);
                print(r + 1, g);
                directRequests += d.requests();
                gatewayRequests += g.requests();
                directSeconds += d.seconds();
                gatewaySeconds += g.seconds();
                directMedians[r] = d.percentileMillis(50);
                gatewayMedians[r] = g.percentileMillis(50);
            }
            double directRps = directRequests / directSeconds;
            double gatewayRps = gatewayRequests / gatewaySeconds;
            double addedMedian = median(gatewayMedians) - median(directMedians);
            System.out.printf("direct   %.0f req/s%n", directRps);
            System.out.printf("gateway  %.0f req/s%n", gatewayRps);
            System.out.printf(
                    "throughput ratio gateway/direct: %.1f %% (target >= 80 %%)%n", 100 * gatewayRps / directRps);
            System.out.printf("added median latency: %.3f ms (target < 2 ms)%n", addedMedian);
        } finally {
            if (stub != null) {
                stub.close();
            }
        }
    }

    private static void print(int round, LoadRun.Result r) {
        System.out.printf(
                "round %d %-8s %8.0f req/s  p50 %.3f ms  p99 %.3f ms  errors %d%n",
                round, r.label(), r.throughput(), r.percentileMillis(50), r.percentileMillis(99), r.errors());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
