package io.rapport.bench.customer;

import java.util.Arrays;

/** Latencies of one phase in nanoseconds; appended by one thread, merged after the phase. */
final class Latencies {
    private long[] values = new long[1 << 16];
    private int size;
    private int errors;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    void error() {
        errors++;
    }

    static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies p : parts) {
            for (int i = 0; i < p.size; i++) {
                all.add(p.values[i]);
            }
            all.errors += p.errors;
        }
        Arrays.sort(all.values, 0, all.size);
        return all;
    }

    int count() {
        return size;
    }

    int errors() {
        return errors;
    }

    /** The q-quantile in milliseconds (values must be sorted). */
    double millis(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        int i = Math.min(size - 1, (int) Math.ceil(q * size) - 1);
        return values[Math.max(0, i)] / 1_000_000.0;
    }
}
