package io.rapport.devstack;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A consumer's catch-up rate, measured the way {@code ./crm bench} does: a backlog of records produced to the shared
 * broker at once, then the time until the consumer has applied all of them (the clock starts before the first send).
 * A measurement, not a timed assertion: it prints the figure and answers it.
 *
 * <p>On a shared machine the wall-clock rate moves with everything else running; the CPU spent per event does much
 * less, so the result also states it: this JVM's CPU time and that of the PostgreSQL backends serving the service's
 * database (Linux {@code /proc}; 0 where it cannot be read).
 */
public final class CatchUp {
    private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private CatchUp() {}

    /** The figure of one round. */
    public record Result(
            int events,
            double producedSeconds,
            double seconds,
            double eventsPerSecond,
            double jvmCpuMsPerEvent,
            double dbCpuMsPerEvent,
            boolean complete) {
        @Override
        public String toString() {
            return String.format(
                    "%d events in %.2f s = %.0f events/s (produced in %.2f s; CPU per event: JVM %.3f ms,"
                            + " PostgreSQL %.3f ms)%s",
                    events,
                    seconds,
                    eventsPerSecond,
                    producedSeconds,
                    jvmCpuMsPerEvent,
                    dbCpuMsPerEvent,
                    complete ? "" : " (NOT caught up before the timeout)");
        }
    }

    /**
     * Produces {@code records} (in order, one producer, acks=all), then polls {@code applied} every 20 ms until it
     * reaches {@code target} or {@code timeout} passes.
     *
     * @param database the service's database name (its PostgreSQL backends' CPU is counted)
     * @param applied counts the records' effects in the consumer's database
     */
    public static Result measure(
            String label,
            String database,
            List<ProducerRecord<String, String>> records,
            long target,
            LongSupplier applied,
            Duration timeout) {
        Map<String, Object> p =
                Map.of("bootstrap.servers", TestKafka.bootstrapServers(), "acks", "all", "linger.ms", 5);
        long jvm0 = jvmCpuNanos();
        long db0 = backendCpuTicks(database);
        long t0 = System.nanoTime();
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (ProducerRecord<String, String> r : records) {
                producer.send(r);
            }
            producer.flush();
        }
        double produced = (System.nanoTime() - t0) / 1e9;
        long deadline = t0 + timeout.toNanos();
        boolean complete = false;
        while (System.nanoTime() < deadline) {
            if (applied.getAsLong() >= target) {
                complete = true;
                break;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int n = records.size();
        double jvmMs = (jvmCpuNanos() - jvm0) / 1e6 / n;
        double dbMs = (backendCpuTicks(database) - db0) * 1000.0 / CLOCK_TICKS_PER_SECOND / n;
        Result result = new Result(n, produced, seconds, n / seconds, jvmMs, dbMs, complete);
        System.out.println("CATCH-UP " + label + ": " + result);
        return result;
    }

    private static long jvmCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** utime + stime of the live PostgreSQL backends connected to {@code database} ("postgres: user db host ..."). */
    private static long backendCpuTicks(String database) {
        long ticks = 0;
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                try {
                    String cmd = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (!cmd.startsWith("postgres: ") || !(" " + cmd + " ").contains(" " + database + " ")) {
                        continue;
                    }
                    String stat = Files.readString(proc.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15: utime, stime
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException noProc) {
            return 0;
        }
        return ticks;
    }
}
