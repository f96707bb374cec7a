package io.rapport.bench.demo;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * One phase of the demo run over many items in parallel. Counts items done and failed; when the first
 * {@value #GIVE_UP_AFTER} items all fail, the rest are skipped (the endpoint is missing or the service is down,
 * and thousands of identical failures would say nothing more).
 */
final class Step {
    private static final int GIVE_UP_AFTER = 20;
    final String name;
    final AtomicInteger done = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicBoolean abandoned = new AtomicBoolean();

    Step(String name) {
        this.name = name;
    }

    /** Runs {@code task} for 0..count-1 on {@code threads} threads; the task answers whether the item succeeded. */
    Step run(int count, int threads, IntPredicate task) throws InterruptedException {
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < count; i++) {
            int item = i;
            pool.execute(() -> {
                if (abandoned.get()) {
                    return;
                }
                boolean ok;
                try {
                    ok = task.test(item);
                } catch (RuntimeException e) {
                    ok = false;
                }
                (ok ? done : failed).incrementAndGet();
                if (!ok && done.get() == 0 && failed.get() >= GIVE_UP_AFTER) {
                    abandoned.set(true);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        System.out.printf("  %-28s %6d ok %6d failed%s  (%.1f s)%n", name, done.get(), failed.get(),
                abandoned.get() ? "  ABANDONED after repeated failures" : "", (System.nanoTime() - started) / 1e9);
        return this;
    }
}
