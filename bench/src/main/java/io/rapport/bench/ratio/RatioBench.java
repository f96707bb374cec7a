package io.rapport.bench.ratio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.rapport.bench.faults.GatewayApi;
import io.rapport.bench.faults.Population;
import io.rapport.bench.faults.Stack;
import io.rapport.bench.token.DevKeys;
import io.rapport.bench.token.DevTokens;
import io.rapport.bench.token.ServiceTokens;
import io.rapport.devstack.ProjectDirs;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code ./crm bench}: in one run against the stack {@code ./crm up} started, the limits of its PostgreSQL server and Kafka
 * broker and then the application's paths, printed as a table of ratios (app figure / limit) against the goals of issue
 * 18 and written as JSON to {@code bench/results/}. See bench/README.md, "One run, ratios".
 */
public final class RatioBench {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** Thread counts and durations of a run; {@link #full} for {@code ./crm bench}, {@link #quick} for the guard test. */
    public record Settings(
            String gateway,
            String direct,
            int writeThreads,
            int readThreads,
            Duration warmup,
            Duration round,
            int rounds,
            List<Integer> purchaseRates,
            int population,
            int backlog,
            int roundTrips,
            int kafkaBacklog) {

        public static Settings full(String gateway, String direct) {
            return new Settings(
                    gateway,
                    direct,
                    8,
                    16,
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(5),
                    3,
                    List.of(5, 10, 25, 50, 100, 200, 350, 500),
                    100,
                    2000,
                    300,
                    20_000);
        }

        public static Settings quick(String gateway, String direct) {
            return new Settings(
                    gateway,
                    direct,
                    8,
                    16,
                    Duration.ofSeconds(3),
                    Duration.ofSeconds(2),
                    3,
                    List.of(5, 10, 25),
                    20,
                    500,
                    100,
                    5_000);
        }
    }

    /**
     * One line of the table. {@code score} is the measured figure in the goal's unit (a ratio, or an absolute figure for
     * the purchase and catch-up rows) and {@code goal} the figure it must reach; NaN goal: shown for information.
     */
    public record Row(
            String key,
            String path,
            String app,
            String limit,
            double ratio,
            String goalText,
            double score,
            double goal) {
        public boolean informational() {
            return Double.isNaN(goal);
        }

        public boolean pass() {
            return informational() || score >= goal;
        }
    }

    public record Result(
            String runId,
            String startedAt,
            String commit,
            Settings settings,
            List<Row> rows,
            Map<String, Object> figures,
            Map<String, Object> environment) {
        public Row row(String key) {
            return rows.stream()
                    .filter(r -> r.key().equals(key))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no row " + key));
        }
    }

    private RatioBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        boolean quick = false;
        boolean profile = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--quick")) {
                quick = true;
            } else if (args[i].equals("--profile")) {
                profile = true;
            } else if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.println("""
                        usage: ./crm bench [--quick] [--profile] [--gateway URL] [--direct URL] [--out DIR]
                          runs against the stack of ./crm up (RAPPORT_STATE_DIR, default .rapport/); prints the ratio table
                          and writes it as JSON to bench/results/ (see bench/README.md); --profile also records every service
                          with JFR and writes, per path and service, where the CPU went to bench/results/profile-<run>/""");
                return;
            } else if (i + 1 < args.length) {
                opts.put(args[i].replaceFirst("^--", ""), args[++i]);
            }
        }
        String gateway = opts.getOrDefault("gateway", "http://localhost:8080");
        String direct = opts.getOrDefault("direct", "http://localhost:8091");
        Settings settings = quick ? Settings.quick(gateway, direct) : Settings.full(gateway, direct);
        Path out = Path.of(opts.getOrDefault(
                "out",
                ProjectDirs.projectRoot().resolve("bench").resolve("results").toString()));
        Stack stack = Stack.current();
        Profiler profiler = profile ? Profiler.start(stack) : null;
        Result result = run(stack, settings);
        System.out.print(table(result));
        Path file = write(out, result);
        System.out.println("written to " + file);
        if (profiler != null) {
            @SuppressWarnings("unchecked")
            Map<String, Long> phases = (Map<String, Long>) result.figures().get("phaseEndsEpochMillis");
            Path dir = profiler.finish(out.resolve("profile-" + result.runId()), phases);
            System.out.println("profiles (JFR recordings and text summaries per path and service) in " + dir);
        }
    }

    public static Result run(Stack stack, Settings s) throws Exception {
        String runId = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
        String startedAt = Instant.now().toString();
        long t0 = System.nanoTime();
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("cores", Runtime.getRuntime().availableProcessors());
        env.put(
                "loadAverageBefore",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        env.put("mavenProcessesBefore", mavenProcesses());
        Map<String, Object> figures = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        try (Limits limits = new Limits(stack);
                Backlog backlog = new Backlog(stack.kafkaBootstrap())) {
            // ---- the limits, on the same PostgreSQL server and Kafka broker
            log(
                    t0,
                    "limit: write transaction (customer + contact + 700-byte outbox row), %d threads",
                    s.writeThreads());
            Rounds.Result write = limits.write(s.writeThreads(), s.warmup(), s.round(), s.rounds());
            log(t0, "  %.0f TPS (rounds %s)", write.median(), rounds(write.perRound()));
            log(t0, "limit: primary-key read, %d threads", s.readThreads());
            Rounds.Result read = limits.read(s.readThreads(), s.warmup(), s.round(), s.rounds());
            log(t0, "  %.0f TPS (rounds %s)", read.median(), rounds(read.perRound()));
            log(t0, "limit: Kafka produce -> consume round trip, one at a time, %d per round", s.roundTrips());
            double[] roundTrip = limits.kafkaRoundTrip(s.roundTrips(), s.rounds());
            log(t0, "  p50 %.2f ms, p99 %.2f ms", roundTrip[0], roundTrip[1]);
            log(t0, "limit: Kafka consume of a %d-event backlog, one consumer", s.kafkaBacklog());
            Rounds.Result consume = limits.kafkaConsume(s.kafkaBacklog(), s.rounds());
            log(t0, "  %.0f events/s (rounds %s)", consume.median(), rounds(consume.perRound()));
            Map<String, Long> phaseEnds = new LinkedHashMap<>();
            figures.put("phaseEndsEpochMillis", phaseEnds);
            phaseEnds.put("limits", System.currentTimeMillis());
            figures.put("limitWriteTps", write.median());
            figures.put("limitReadTps", read.median());
            figures.put("limitKafkaRoundTripP50Ms", roundTrip[0]);
            figures.put("limitKafkaRoundTripP99Ms", roundTrip[1]);
            figures.put("limitKafkaConsumePerSecond", consume.median());

            // ---- the application's paths
            // one lean keep-alive connection per load thread (RawHttp), closed when the paths are done
            List<RawHttp> clients = java.util.Collections.synchronizedList(new ArrayList<>());
            String[] tokens = new String[Math.max(s.writeThreads(), s.readThreads())];
            for (int i = 0; i < tokens.length; i++) {
                // one principal per load thread: the gateway's rate limit is per principal (dev profile: 2,000/s each)
                tokens[i] = "Bearer "
                        + DevTokens.sign(
                                DevKeys.privateKey(), "ratio-bench-" + i, List.of("admin"), Duration.ofHours(2));
            }
            ConcurrentLinkedQueue<String> created = new ConcurrentLinkedQueue<>();
            CpuMeter cpu = new CpuMeter(stack);
            Map<String, Map<String, Double>> cpuPerRequest = new LinkedHashMap<>();
            figures.put("cpuMsPerOperation", cpuPerRequest);
            log(t0, "app: create customer through the gateway, %d threads", s.writeThreads());
            Rounds.Result createGateway = Rounds.run(
                    s.writeThreads(),
                    s.warmup(),
                    s.round(),
                    s.rounds(),
                    w -> {
                        RawHttp client = open(clients, s.gateway());
                        return (x, n) -> create(client, tokens[w], runId + "-g", n, created);
                    },
                    cpu);
            phaseEnds.put("create-gateway", System.currentTimeMillis());
            cpuPerRequest.put("create-gateway", createGateway.cpuPerOp());
            log(
                    t0,
                    "  %.0f req/s, p50 %.1f ms, %d failed (rounds %s)",
                    createGateway.median(),
                    createGateway.p(50),
                    createGateway.failed(),
                    rounds(createGateway.perRound()));
            drain(t0, backlog, "after-create-gateway", figures, phaseEnds);
            log(t0, "app: create customer direct to customer-service, %d threads", s.writeThreads());
            Rounds.Result createDirect = Rounds.run(
                    s.writeThreads(),
                    s.warmup(),
                    s.round(),
                    s.rounds(),
                    w -> {
                        RawHttp client = open(clients, s.direct());
                        return (x, n) ->
                                create(client, ServiceTokens.bearer("customer-service"), runId + "-d", n, created);
                    },
                    cpu);
            phaseEnds.put("create-direct", System.currentTimeMillis());
            cpuPerRequest.put("create-direct", createDirect.cpuPerOp());
            // customer-service's CPU per created customer (less sensitive to other load on the machine than req/s)
            double cpuPerCreate = createDirect.cpuPerOp().getOrDefault("customer-service", Double.NaN);
            figures.put("createDirectCustomerServiceCpuMsPerRequest", cpuPerCreate);
            log(t0, "  customer-service CPU: %.2f ms per created customer", cpuPerCreate);
            log(
                    t0,
                    "  %.0f req/s, p50 %.1f ms, %d failed (rounds %s)",
                    createDirect.median(),
                    createDirect.p(50),
                    createDirect.failed(),
                    rounds(createDirect.perRound()));
            drain(t0, backlog, "after-create-direct", figures, phaseEnds);
            String[] ids = created.toArray(String[]::new);
            if (ids.length == 0) {
                throw new IllegalStateException("no customer was created: is the stack up (./crm status)?");
            }
            log(t0, "app: get customer by id direct, %d threads", s.readThreads());
            Rounds.Result getDirect = Rounds.run(
                    s.readThreads(),
                    s.warmup(),
                    s.round(),
                    s.rounds(),
                    w -> {
                        RawHttp client = open(clients, s.direct());
                        return (x, n) -> get(client, ServiceTokens.bearer("customer-service"), ids);
                    },
                    cpu);
            phaseEnds.put("get-direct", System.currentTimeMillis());
            cpuPerRequest.put("get-direct", getDirect.cpuPerOp());
            log(
                    t0,
                    "  %.0f req/s, p99 %.1f ms, %d failed (rounds %s)",
                    getDirect.median(),
                    getDirect.p(99),
                    getDirect.failed(),
                    rounds(getDirect.perRound()));
            log(t0, "app: get customer by id through the gateway, %d threads", s.readThreads());
            Rounds.Result getGateway = Rounds.run(
                    s.readThreads(),
                    s.warmup(),
                    s.round(),
                    s.rounds(),
                    w -> {
                        RawHttp client = open(clients, s.gateway());
                        return (x, n) -> get(client, tokens[w], ids);
                    },
                    cpu);
            phaseEnds.put("get-gateway", System.currentTimeMillis());
            clients.forEach(RawHttp::close);
            cpuPerRequest.put("get-gateway", getGateway.cpuPerOp());
            log(
                    t0,
                    "  %.0f req/s, p99 %.1f ms, %d failed (rounds %s)",
                    getGateway.median(),
                    getGateway.p(99),
                    getGateway.failed(),
                    rounds(getGateway.perRound()));

            rows.add(new Row(
                    "create-gateway",
                    "create customer through the gateway (" + s.writeThreads() + " threads)",
                    fmt("%.0f req/s, p50 %.0f ms", createGateway.median(), createGateway.p(50)),
                    fmt("%.0f TPS write (%d threads)", write.median(), s.writeThreads()),
                    createGateway.median() / write.median(),
                    ">= 40% of write",
                    createGateway.median() / write.median(),
                    0.40));
            rows.add(new Row(
                    "create-direct",
                    "create customer direct (" + s.writeThreads() + " threads)",
                    fmt(
                            "%.0f req/s, p50 %.0f ms, %.1f ms CPU",
                            createDirect.median(), createDirect.p(50), cpuPerCreate),
                    fmt("%.0f TPS write", write.median()),
                    createDirect.median() / write.median(),
                    "(information)",
                    createDirect.median() / write.median(),
                    Double.NaN));
            rows.add(new Row(
                    "get-direct",
                    "get customer by id direct (" + s.readThreads() + " threads)",
                    fmt("%.0f req/s, p99 %.0f ms", getDirect.median(), getDirect.p(99)),
                    fmt("%.0f TPS pk read (%d threads)", read.median(), s.readThreads()),
                    getDirect.median() / read.median(),
                    ">= 35% of pk read",
                    getDirect.median() / read.median(),
                    0.35));
            rows.add(new Row(
                    "get-gateway",
                    "get customer by id through the gateway (" + s.readThreads() + " threads)",
                    fmt("%.0f req/s, p99 %.0f ms", getGateway.median(), getGateway.p(99)),
                    fmt("%.0f req/s direct", getDirect.median()),
                    getGateway.median() / getDirect.median(),
                    ">= 80% of direct",
                    getGateway.median() / getDirect.median(),
                    0.80));
            figures.put("createGatewayPerSecond", createGateway.median());
            figures.put("createGatewayFailed", createGateway.failed());
            figures.put("createDirectPerSecond", createDirect.median());
            figures.put("getDirectPerSecond", getDirect.median());
            figures.put("getGatewayPerSecond", getGateway.median());
            figures.put("getGatewayFailed", getGateway.failed());

            // ---- purchases: visible everywhere, then catching up on a backlog
            log(t0, "app: a population of %d customers (loyalty members, REACTIVE engagement level)", s.population());
            String admin = tokens[0].substring("Bearer ".length());
            Population.Made population = Population.make(
                    new GatewayApi(s.gateway(), admin, Duration.ofSeconds(10)),
                    "r" + runId.substring(runId.length() - 6),
                    s.population());
            phaseEnds.put("population", System.currentTimeMillis());
            try (Purchases purchases = new Purchases(stack, s.gateway(), admin, population.customers(), runId)) {
                purchases.discoverFollowUpPlan();
                Purchases.Step best = null;
                Purchases.Step last = null;
                List<Map<String, Object>> steps = new ArrayList<>();
                for (int rate : s.purchaseRates()) {
                    log(
                            t0,
                            "app: purchases at %d/s through the gateway (%d sender threads) -> visible in loyalty,"
                                    + " segmentation and engagement",
                            rate,
                            Purchases.SENDERS);
                    Purchases.Step step =
                            purchases.step(rate, Duration.ofSeconds(2), Duration.ofSeconds(4), s.rounds(), 25, 150);
                    log(
                            t0,
                            "  achieved %.0f/s, p50 %.1f ms, p99 %.1f ms, unseen %d, sustained %s, meets %s",
                            step.achievedRate(),
                            step.p50(),
                            step.p99(),
                            step.unseen(),
                            step.sustained(),
                            step.meets());
                    Map<String, Object> st = new LinkedHashMap<>();
                    st.put("rate", rate);
                    st.put("achievedPerSecond", step.achievedRate());
                    st.put("p50Ms", step.p50());
                    st.put("p99Ms", step.p99());
                    st.put("unseen", step.unseen());
                    st.put("sustained", step.sustained());
                    st.put("meetsLatencies", step.meets());
                    steps.add(st);
                    last = step;
                    if (!step.meets()) {
                        break;
                    }
                    best = step;
                }
                figures.put("purchaseSteps", steps);
                phaseEnds.put("purchases", System.currentTimeMillis());
                Purchases.Step shown = best != null ? best : last;
                double bestRate = best == null ? 0 : best.rate();
                rows.add(new Row(
                        "purchase-visible",
                        "purchase -> visible in loyalty, segmentation, engagement (gateway)",
                        best != null
                                ? fmt("%.0f/s sustained: p50 %.0f ms, p99 %.0f ms", bestRate, shown.p50(), shown.p99())
                                : fmt(
                                        "none met; at %.0f/s p50 %.0f, p99 %.0f ms",
                                        shown.rate(), shown.p50(), shown.p99()),
                        fmt("Kafka round trip p50 %.1f / p99 %.1f ms", roundTrip[0], roundTrip[1]),
                        bestRate / 500.0,
                        "p50 < 25, p99 < 150 ms at 500/s",
                        bestRate,
                        500));
                for (int r = 0; r < s.rounds(); r++) {
                    log(t0, "app: catch-up on a backlog of %d purchase events (round %d)", s.backlog(), r + 1);
                    Map<String, Long> cpuBefore = cpu.snapshot();
                    Map<String, Double> rates = purchases.catchUp(limits, s.backlog());
                    phaseEnds.put("catch-up-round-" + (r + 1), System.currentTimeMillis());
                    cpuPerRequest.put(
                            "catch-up-round-" + (r + 1), CpuMeter.perOperation(cpuBefore, cpu.snapshot(), s.backlog()));
                    log(t0, "  %s", rates);
                    for (Map.Entry<String, Double> e : rates.entrySet()) {
                        @SuppressWarnings("unchecked")
                        List<Double> list = (List<Double>)
                                figures.computeIfAbsent("catchUp-" + e.getKey(), k -> new ArrayList<Double>());
                        list.add(e.getValue());
                    }
                }
                for (String consumer : List.of("loyalty", "segmentation", "engagement")) {
                    @SuppressWarnings("unchecked")
                    List<Double> list = (List<Double>) figures.get("catchUp-" + consumer);
                    double median = Rounds.median(
                            list.stream().mapToDouble(Double::doubleValue).toArray());
                    rows.add(new Row(
                            "catch-up-" + consumer,
                            consumer + " catch-up on a " + s.backlog() + "-event backlog",
                            fmt("%.0f events/s", median),
                            fmt("%.0f events/s Kafka consume", consume.median()),
                            median / consume.median(),
                            ">= 2,000 events/s",
                            median,
                            2000));
                }
            }
        }
        env.put("loadAverageAfter", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        env.put("mavenProcessesAfter", mavenProcesses());
        env.put("seconds", (System.nanoTime() - t0) / 1e9);
        return new Result(runId, startedAt, commit(), s, rows, figures, env);
    }

    /**
     * Waits (at most 120 s) until the consumers have read every event the previous path produced, so that the next
     * path's figures carry none of that work; logs and records how long it took.
     */
    private static void drain(
            long t0, Backlog backlog, String name, Map<String, Object> figures, Map<String, Long> phaseEnds)
            throws Exception {
        double[] d = backlog.drain(Duration.ofSeconds(120));
        log(
                t0,
                "  consumers caught up with the path's events: %.0f records behind, %.1f s to read them%s",
                d[1],
                d[0],
                d[2] > 0 ? fmt(" (still %.0f behind: gave up waiting)", d[2]) : "");
        figures.put("drain-" + name, Map.of("seconds", d[0], "lagAtStart", d[1], "lagAtEnd", d[2]));
        phaseEnds.put("drain-" + name, System.currentTimeMillis());
    }

    private static RawHttp open(List<RawHttp> clients, String base) {
        RawHttp client = new RawHttp(base, 10_000);
        clients.add(client);
        return client;
    }

    private static boolean create(
            RawHttp http, String authorization, String run, long n, ConcurrentLinkedQueue<String> created)
            throws Exception {
        String body = """
                {"kind":"CONSUMER","givenName":"Ratio","familyName":"Bench %d","timeZone":"UTC",\
                "emails":[{"value":"ratio.%s.%d@bench.example","primary":true}]}""".formatted(n, run, n);
        RawHttp.Response r = http.post("/api/v1/customers", authorization, body);
        if (r.status() / 100 != 2) {
            return false;
        }
        if (n % 8 == 0) {
            created.add(JSON.readTree(r.body()).path("id").asText());
        }
        return true;
    }

    private static boolean get(RawHttp http, String authorization, String[] ids) throws Exception {
        String id = ids[ThreadLocalRandom.current().nextInt(ids.length)];
        return http.get("/api/v1/customers/" + id, authorization).status() == 200;
    }

    public static String table(Result result) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "%nRatio benchmark %s (commit %s, %s cores, load average %.1f -> %.1f, %.0f s)%n",
                result.startedAt(),
                result.commit(),
                result.environment().get("cores"),
                (Double) result.environment().get("loadAverageBefore"),
                (Double) result.environment().get("loadAverageAfter"),
                (Double) result.environment().get("seconds")));
        String format = "%-68s | %-40s | %-38s | %7s | %-32s | %s%n";
        b.append(String.format(Locale.ROOT, format, "path", "app", "limit", "ratio", "goal", "result"));
        b.append("-".repeat(210)).append('\n');
        for (Row r : result.rows()) {
            b.append(String.format(
                    Locale.ROOT,
                    format,
                    r.path(),
                    r.app(),
                    r.limit(),
                    fmt("%.1f%%", 100 * r.ratio()),
                    r.goalText(),
                    r.informational() ? "-" : r.pass() ? "pass" : "FAIL"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Double>> cpu =
                (Map<String, Map<String, Double>>) result.figures().get("cpuMsPerOperation");
        if (cpu != null && !cpu.isEmpty()) {
            b.append(String.format(
                    Locale.ROOT,
                    "%nCPU ms per operation over the timed rounds, by process (a request, or a purchase event of a"
                            + " catch-up backlog; /proc user+system time; 2 cores = 2,000 ms of CPU per second)%n"));
            String cf = "%-18s" + " | %9s".repeat(CpuMeter.PROCESSES.length + 1) + "%n";
            Object[] head = new Object[CpuMeter.PROCESSES.length + 2];
            head[0] = "path";
            for (int i = 0; i < CpuMeter.PROCESSES.length; i++) {
                String n = CpuMeter.PROCESSES[i]
                        .replace("-service", "")
                        .replace(" (devstack)", "")
                        .replace("load generator", "load gen")
                        .replace("segmentation", "segment.")
                        .replace("engagement", "engage.")
                        .replace("postgresql", "postgres");
                head[i + 1] = n;
            }
            head[head.length - 1] = "all";
            b.append(String.format(Locale.ROOT, cf, head));
            cpu.forEach((path, perOp) -> {
                Object[] line = new Object[head.length];
                line[0] = path;
                for (int i = 0; i < CpuMeter.PROCESSES.length; i++) {
                    Double v = perOp.get(CpuMeter.PROCESSES[i]);
                    line[i + 1] = v == null ? "-" : fmt("%.2f", v);
                }
                Double all = perOp.get("all");
                line[line.length - 1] = all == null ? "-" : fmt("%.2f", all);
                b.append(String.format(Locale.ROOT, cf, line));
            });
        }
        return b.toString();
    }

    public static Path write(Path dir, Result result) throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve("ratio-" + result.runId() + ".json");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runId", result.runId());
        json.put("startedAt", result.startedAt());
        json.put("commit", result.commit());
        json.put("settings", result.settings());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Row r : result.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", r.key());
            m.put("path", r.path());
            m.put("app", r.app());
            m.put("limit", r.limit());
            m.put("ratio", r.ratio());
            m.put("goal", r.goalText());
            m.put("score", r.score());
            m.put("goalValue", Double.isNaN(r.goal()) ? null : r.goal());
            m.put("pass", r.informational() ? null : r.pass());
            rows.add(m);
        }
        json.put("rows", rows);
        json.put("figures", result.figures());
        json.put("environment", result.environment());
        JSON.writeValue(file.toFile(), json);
        return file;
    }

    private static String commit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD")
                    .directory(ProjectDirs.projectRoot().toFile())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? out : "unknown";
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** Maven JVMs running on the machine (other builds competing for the cores), for the notes. */
    private static long mavenProcesses() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("plexus-classworlds"))
                .count();
    }

    private static String rounds(double[] perRound) {
        List<String> parts = new ArrayList<>();
        for (double v : perRound) {
            parts.add(fmt("%.0f", v));
        }
        return String.join(", ", parts);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static void log(long t0, String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%5.1f s] %s%n", (System.nanoTime() - t0) / 1e9, fmt(format, args));
    }
}
