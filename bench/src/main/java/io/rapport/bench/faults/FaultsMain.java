package io.rapport.bench.faults;

import io.rapport.devstack.ProjectDirs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code ./crm faults}: the fault harness against the stack {@code ./crm up} started. Makes customers, a programme with
 * members, runs a steady purchase load through the gateway and injects one fault at a time, then reconciles every
 * service's database per purchase and per customer. Prints one table, writes JSON under {@code bench/results/}, and
 * exits 1 when any purchase was lost or applied twice, a dead letter other than the poison record appeared, or the
 * services did not agree within the convergence timeout after a fault ended.
 *
 * <p>Options: {@code --scenario all|name[,name...]} (see {@link #SCENARIOS}), {@code --customers 200},
 * {@code --rate 20} purchases/s, {@code --warmup 5} and {@code --tail 5} seconds of load before and after each fault,
 * {@code --converge 60} seconds, {@code --kafka-outage 30}, {@code --hold 10} seconds for table locks, statement
 * errors and a database refusing connections, {@code --pg-downtime 5} seconds, {@code --results bench/results}.
 */
public final class FaultsMain {
    static final List<String> SCENARIOS = List.of(
            "kill-customer",
            "kill-segmentation",
            "kill-engagement",
            "kill-loyalty",
            "kill-gateway",
            "kafka-outage",
            "postgres-restart",
            "db-refuses-loyalty",
            "lock-ledger",
            "stmt-errors-ledger",
            "poison");

    private FaultsMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                usage();
                return;
            }
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("unexpected argument " + args[i]);
                usage();
                System.exit(2);
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        FaultHarness.Settings settings = new FaultHarness.Settings(
                opts.getOrDefault("gateway", "http://localhost:8080"),
                Integer.parseInt(opts.getOrDefault("customers", "200")),
                Double.parseDouble(opts.getOrDefault("rate", "20")),
                Duration.ofSeconds(Long.parseLong(opts.getOrDefault("warmup", "5"))),
                Duration.ofSeconds(Long.parseLong(opts.getOrDefault("tail", "5"))),
                Duration.ofSeconds(Long.parseLong(opts.getOrDefault("converge", "60"))));
        List<Fault> faults = faults(
                opts.getOrDefault("scenario", "all"),
                Duration.ofSeconds(Long.parseLong(opts.getOrDefault("kafka-outage", "30"))),
                Duration.ofSeconds(Long.parseLong(opts.getOrDefault("hold", "10"))),
                Duration.ofSeconds(Long.parseLong(opts.getOrDefault("pg-downtime", "5"))));
        Path results = Path.of(opts.getOrDefault(
                "results",
                ProjectDirs.projectRoot().resolve("bench").resolve("results").toString()));
        System.exit(run(Stack.current(), settings, faults, results) ? 0 : 1);
    }

    /** Runs the harness, prints the table, writes the JSON; true when every scenario passed. */
    public static boolean run(Stack stack, FaultHarness.Settings settings, List<Fault> faults, Path resultsDir)
            throws Exception {
        FaultHarness harness = new FaultHarness(stack, settings);
        List<ScenarioResult> results = harness.run(faults);
        System.out.println();
        System.out.print(Report.table(results));
        Path file = Report.write(resultsDir, harness.runId(), settings, results);
        boolean ok = results.stream().allMatch(ScenarioResult::ok);
        System.out.println((ok ? "PASS" : "FAIL") + ": results in " + file);
        return ok;
    }

    /** The faults named by {@code --scenario} ({@code all}: every one, in the order of {@link #SCENARIOS}). */
    public static List<Fault> faults(String names, Duration kafkaOutage, Duration hold, Duration pgDowntime) {
        Map<String, Supplier<Fault>> known = new LinkedHashMap<>();
        known.put("kill-customer", () -> Fault.kill("customer-service"));
        known.put("kill-segmentation", () -> Fault.kill("segmentation-service"));
        known.put("kill-engagement", () -> Fault.kill("engagement-service"));
        known.put("kill-loyalty", () -> Fault.kill("loyalty-service"));
        known.put("kill-gateway", () -> Fault.kill("gateway"));
        known.put("kafka-outage", () -> Fault.kafkaOutage(kafkaOutage));
        known.put("postgres-restart", () -> Fault.postgresRestart(pgDowntime));
        known.put("db-refuses-loyalty", () -> Fault.databaseRefuses("loyalty", hold));
        known.put("lock-ledger", () -> Fault.tableLock("loyalty", "ledger_entry", hold));
        known.put("stmt-errors-ledger", () -> Fault.statementErrors("loyalty", "ledger_entry", hold));
        known.put("poison", Fault::poison);
        List<Fault> out = new ArrayList<>();
        for (String name : names.equals("all") ? SCENARIOS : List.of(names.split(","))) {
            Supplier<Fault> f = known.get(name.trim());
            if (f == null) {
                throw new IllegalArgumentException("unknown scenario '" + name + "'; one of " + SCENARIOS + " or all");
            }
            out.add(f.get());
        }
        return out;
    }

    private static void usage() {
        System.out.println("""
                usage: ./crm faults [--start] [--scenario all|NAME[,NAME...]] [--customers 200] [--rate 20] [--warmup 5]
                                    [--tail 5] [--converge 60] [--kafka-outage 30] [--hold 10] [--pg-downtime 5]
                                    [--results bench/results]
                scenarios: %s
                --start brings the stack up first (./crm up --detach) and down afterwards.
                Exit status 1 when a purchase was lost or applied twice, a dead letter other than the poison record
                appeared, or the services did not agree within --converge seconds after a fault ended.""".formatted(String.join(", ", SCENARIOS)));
    }
}
