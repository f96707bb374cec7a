package io.rapport.bench.ratio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Closed-loop load on a fixed thread pool: {@code threads} workers call an operation one after the other; a warm-up
 * (not counted), then {@code rounds} timed rounds of equal length, each giving its operations per second. The figure
 * reported is the median of the rounds.
 */
final class Rounds {
    /** One operation of one worker: returns true when it succeeded (a 2xx, a committed statement). */
    interface Op {
        boolean call(int worker, long n) throws Exception;
    }

    /** Per-worker set-up (a connection, a client), made before the load starts. */
    interface WorkerFactory {
        Op create(int worker) throws Exception;
    }

    /**
     * @param cpuPerOp CPU ms per successful operation and process of the stack over the timed rounds (empty when not
     *     measured), see {@link CpuMeter}
     */
    record Result(
            double median,
            double[] perRound,
            long ok,
            long failed,
            long[] latenciesNanos,
            java.util.Map<String, Double> cpuPerOp) {
        double p(double percentile) {
            return percentile(latenciesNanos, percentile);
        }
    }

    private Rounds() {}

    static Result run(int threads, Duration warmup, Duration round, int rounds, Op op) throws Exception {
        return run(threads, warmup, round, rounds, w -> op, null);
    }

    static Result run(int threads, Duration warmup, Duration round, int rounds, Op op, CpuMeter cpu) throws Exception {
        return run(threads, warmup, round, rounds, w -> op, cpu);
    }

    static Result run(int threads, Duration warmup, Duration round, int rounds, WorkerFactory factory)
            throws Exception {
        return run(threads, warmup, round, rounds, factory, null);
    }

    static Result run(int threads, Duration warmup, Duration round, int rounds, WorkerFactory factory, CpuMeter cpu)
            throws Exception {
        Op[] ops = new Op[threads];
        for (int i = 0; i < threads; i++) {
            ops[i] = factory.create(i);
        }
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicLong sequence = new AtomicLong();
        long[][] samples = new long[threads][200_000];
        int[] sampleCount = new int[threads];
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ratio-load");
            t.setDaemon(true);
            return t;
        });
        CountDownLatch done = new CountDownLatch(threads);
        for (int w = 0; w < threads; w++) {
            int worker = w;
            pool.execute(() -> {
                try {
                    while (!stop.get()) {
                        long t0 = System.nanoTime();
                        boolean success;
                        try {
                            success = ops[worker].call(worker, sequence.incrementAndGet());
                        } catch (Exception e) {
                            success = false;
                        }
                        if (counting.get()) {
                            if (success) {
                                ok.increment();
                                int n = sampleCount[worker];
                                if (n < samples[worker].length) {
                                    samples[worker][n] = System.nanoTime() - t0;
                                    sampleCount[worker] = n + 1;
                                }
                            } else {
                                failed.increment();
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        try {
            Thread.sleep(warmup.toMillis());
            double[] perRound = new double[rounds];
            long okTotal = 0;
            long failedTotal = 0;
            java.util.Map<String, Long> cpuBefore = cpu == null ? null : cpu.snapshot();
            long okBefore = ok.sum();
            counting.set(true);
            for (int r = 0; r < rounds; r++) {
                long before = ok.sum();
                long started = System.nanoTime();
                Thread.sleep(round.toMillis());
                long after = ok.sum();
                perRound[r] = (after - before) / ((System.nanoTime() - started) / 1e9);
            }
            counting.set(false);
            okTotal = ok.sum();
            java.util.Map<String, Double> cpuPerOp = cpu == null
                    ? java.util.Map.of()
                    : CpuMeter.perOperation(cpuBefore, cpu.snapshot(), okTotal - okBefore);
            failedTotal = failed.sum();
            stop.set(true);
            done.await();
            List<long[]> parts = new ArrayList<>();
            int total = 0;
            for (int w = 0; w < threads; w++) {
                parts.add(Arrays.copyOf(samples[w], sampleCount[w]));
                total += sampleCount[w];
            }
            long[] all = new long[total];
            int at = 0;
            for (long[] part : parts) {
                System.arraycopy(part, 0, all, at, part.length);
                at += part.length;
            }
            Arrays.sort(all);
            return new Result(median(perRound), perRound, okTotal, failedTotal, all, cpuPerOp);
        } finally {
            stop.set(true);
            pool.shutdown();
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The percentile of sorted nanosecond samples, in milliseconds. */
    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p / 100 * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }
}
