package io.rapport.bench.ratio;

import io.rapport.bench.faults.Stack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time (user + system, from {@code /proc}) of every process of the stack: the five services, the devstack JVM
 * (Kafka), PostgreSQL (the postmaster, its live children and the children it has already reaped) and this benchmark
 * (the load generator). Two snapshots around a timed window, divided by the operations done in it, say where each
 * request's CPU goes: the figures the issue asked for ("about 4 ms of customer-service CPU and 4 ms of PostgreSQL CPU
 * per created customer, plus about 10 ms across the three consumers").
 */
final class CpuMeter {
    static final String[] PROCESSES = {
        "gateway",
        "customer-service",
        "segmentation-service",
        "engagement-service",
        "loyalty-service",
        "postgresql",
        "kafka (devstack)",
        "load generator"
    };
    private static final long TICK_MS = 10; // USER_HZ is 100 on Linux

    private final Stack stack;

    CpuMeter(Stack stack) {
        this.stack = stack;
    }

    /** CPU milliseconds used so far by each process (absent when it cannot be read). */
    Map<String, Long> snapshot() {
        Map<String, Long> ms = new LinkedHashMap<>();
        for (String service : Stack.SERVICES) {
            put(ms, service, own(stack.pid(service)));
        }
        put(ms, "postgresql", postgres());
        put(ms, "kafka (devstack)", own(stack.pid("devstack")));
        put(ms, "load generator", own(ProcessHandle.current().pid()));
        return ms;
    }

    /** CPU ms per operation and process between two snapshots; the total under "all". */
    static Map<String, Double> perOperation(Map<String, Long> before, Map<String, Long> after, long operations) {
        Map<String, Double> out = new LinkedHashMap<>();
        double all = 0;
        for (Map.Entry<String, Long> e : after.entrySet()) {
            Long b = before.get(e.getKey());
            if (b == null || operations <= 0) {
                continue;
            }
            double v = (e.getValue() - b) / (double) operations;
            out.put(e.getKey(), v);
            all += v;
        }
        out.put("all", all);
        return out;
    }

    /** One line: "customer-service 3.2, postgresql 4.1, ... all 17.0" (ms per operation). */
    static String line(Map<String, Double> perOp) {
        StringBuilder b = new StringBuilder();
        perOp.forEach((k, v) -> {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(String.format("%s %.2f", k.replace("-service", ""), v));
        });
        return b.toString();
    }

    private static void put(Map<String, Long> ms, String name, long value) {
        if (value >= 0) {
            ms.put(name, value);
        }
    }

    private long postgres() {
        long postmaster = postmasterPid();
        if (postmaster < 0) {
            return -1;
        }
        long[] own = stat(postmaster);
        if (own == null) {
            return -1;
        }
        long ticks = own[0] + own[1] + own[2] + own[3]; // its own and its reaped children's
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = String.valueOf(p.getFileName());
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long[] s = stat(Long.parseLong(name));
                if (s != null && s[4] == postmaster) {
                    ticks += s[0] + s[1];
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks * TICK_MS;
    }

    private long postmasterPid() {
        Path pidFile = stack.stateDir().resolve("postgres").resolve("postmaster.pid");
        try {
            return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (Exception e) {
            return -1;
        }
    }

    private static long own(long pid) {
        long[] s = pid < 0 ? null : stat(pid);
        return s == null ? -1 : (s[0] + s[1]) * TICK_MS;
    }

    /** utime, stime, cutime, cstime, ppid of a process, or null. */
    private static long[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {
                Long.parseLong(f[11]),
                Long.parseLong(f[12]),
                Long.parseLong(f[13]),
                Long.parseLong(f[14]),
                Long.parseLong(f[1])
            };
        } catch (Exception e) {
            return null;
        }
    }
}
