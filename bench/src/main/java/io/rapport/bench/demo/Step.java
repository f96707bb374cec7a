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
    /** Items the task did not apply to (a customer who does not join the club): neither done nor failed. */
    final AtomicInteger skipped = new AtomicInteger();

    /** What a task did with one item. */
    enum Outcome {
        DONE,
        FAILED,
        SKIPPED
    }

    final AtomicBoolean abandoned = new AtomicBoolean();

    Step(String name) {
        this.name = name;
    }

    /** Runs {@code task} for 0..count-1 on {@code threads} threads; the task answers whether the item succeeded. */
    Step run(int count, int threads, IntPredicate task) throws InterruptedException {
        return runItems(count, threads, i -> task.test(i) ? Outcome.DONE : Outcome.FAILED);
    }

    /** Runs {@code task} for 0..count-1 on {@code threads} threads; skipped items are counted apart. */
    Step runItems(int count, int threads, java.util.function.IntFunction<Outcome> task) throws InterruptedException {
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < count; i++) {
            int item = i;
            pool.execute(() -> {
                if (abandoned.get()) {
                    return;
                }
                Outcome outcome;
                try {
                    outcome = task.apply(item);
                } catch (RuntimeException e) {
                    outcome = Outcome.FAILED;
                }
                if (outcome == Outcome.SKIPPED) {
                    skipped.incrementAndGet();
                    return;
                }
                boolean ok = outcome == Outcome.DONE;
                (ok ? done : failed).incrementAndGet();
                if (!ok && done.get() == 0 && failed.get() >= GIVE_UP_AFTER) {
                    abandoned.set(true);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        System.out.printf(
                "  %-28s %6d ok %6d failed%s%s  (%.1f s)%n",
                name,
                done.get(),
                failed.get(),
                skipped.get() > 0 ? String.format(" %6d not applicable", skipped.get()) : "",
                abandoned.get() ? "  ABANDONED after repeated failures" : "",
                (System.nanoTime() - started) / 1e9);
        return this;
    }
}
