package io.rapport.bench.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load phase: {@code clients} threads, each sending one GET after the other for a fixed time.
 * Records every latency (nanoseconds) of a 2xx answer and counts the rest as errors.
 */
final class LoadRun {
    record Result(String label, long requests, long errors, double seconds, long[] latencies) {
        double throughput() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(latencies.length - 1, Math.ceil(p / 100 * latencies.length) - 1);
            return latencies[Math.max(0, index)] / 1e6;
        }
    }

    private LoadRun() {}

    static Result run(String label, HttpClient client, URI uri, String authorization, int clients, Duration duration)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong errors = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        int[] counts = new int[clients];
        CountDownLatch done = new CountDownLatch(clients);
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long[] samples = new long[200_000];
            perThread.add(samples);
            int id = c;
            Thread t = new Thread(
                    () -> {
                        HttpRequest.Builder builder =
                                HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(10));
                        if (authorization != null) {
                            builder.header("Authorization", authorization);
                        }
                        HttpRequest request = builder.build();
                        int n = 0;
                        while (System.nanoTime() < end && n < samples.length) {
                            long t0 = System.nanoTime();
                            try {
                                HttpResponse<byte[]> response =
                                        client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                                if (response.statusCode() / 100 == 2) {
                                    samples[n++] = System.nanoTime() - t0;
                                } else {
                                    errors.incrementAndGet();
                                }
                            } catch (Exception e) {
                                errors.incrementAndGet();
                            }
                        }
                        counts[id] = n;
                        done.countDown();
                    },
                    "load-" + c);
            t.start();
        }
        done.await();
        double seconds = (System.nanoTime() - started) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int offset = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(perThread.get(c), 0, all, offset, counts[c]);
            offset += counts[c];
        }
        Arrays.sort(all);
        return new Result(label, total, errors.get(), seconds, all);
    }
}
