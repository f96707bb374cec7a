package io.rapport.bench.faults;

import io.rapport.devstack.ProjectDirs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A stack that {@code ./crm up} started: its state directory (pids, logs, {@code devstack.env}), the services' databases,
 * the broker, devstack's fault controls, and {@code ./crm start} to bring a killed service back the way crm starts it.
 */
public final class Stack {
    /** The services crm runs, by their crm name, with the database each owns (the gateway has none). */
    public static final List<String> SERVICES =
            List.of("customer-service", "segmentation-service", "engagement-service", "loyalty-service", "gateway");

    private final Path stateDir;
    private final Path crm;
    private final Map<String, String> env;
    private final Map<String, String> crmEnv;
    private final HttpClient http = HttpClient.newHttpClient();

    private Stack(Path stateDir, Path crm, Map<String, String> env, Map<String, String> crmEnv) {
        this.stateDir = stateDir;
        this.crm = crm;
        this.env = env;
        this.crmEnv = crmEnv;
    }

    /** The stack of {@code RAPPORT_STATE_DIR} (default {@code .rapport/}), driven by {@code RAPPORT_CRM} (default ./crm). */
    public static Stack current() throws IOException {
        String state = System.getenv("RAPPORT_STATE_DIR");
        Path stateDir = state == null || state.isBlank() ? ProjectDirs.rapportDir() : Path.of(state);
        String crmEnv = System.getenv("RAPPORT_CRM");
        Path crm =
                crmEnv == null || crmEnv.isBlank() ? ProjectDirs.projectRoot().resolve("crm") : Path.of(crmEnv);
        return of(stateDir, crm, Map.of());
    }

    /**
     * @param crmEnv the environment {@code ./crm up} ran with (ports, JVM options) for the {@code ./crm start} of a
     *        killed service, on top of this process's own; {@code RAPPORT_STATE_DIR} is set to {@code stateDir}
     */
    public static Stack of(Path stateDir, Path crm, Map<String, String> crmEnv) throws IOException {
        Path envFile = stateDir.resolve("devstack.env");
        if (!Files.exists(envFile)) {
            throw new IllegalStateException("no running stack: " + envFile + " is missing (start one with ./crm up)");
        }
        Map<String, String> env = new HashMap<>();
        for (String line : Files.readAllLines(envFile)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        Map<String, String> forCrm = new HashMap<>(crmEnv);
        forCrm.put("RAPPORT_STATE_DIR", stateDir.toAbsolutePath().toString());
        return new Stack(stateDir, crm, env, Map.copyOf(forCrm));
    }

    public String kafkaBootstrap() {
        return env.get("RAPPORT_KAFKA");
    }

    /** A connection to one service's database ({@code customer}, {@code segmentation}, ...). */
    public Connection database(String name) throws SQLException {
        String url = env.get("RAPPORT_PG_URL_TEMPLATE").replace("%s", name);
        Connection c = DriverManager.getConnection(url, env.get("RAPPORT_PG_USER"), env.get("RAPPORT_PG_PASSWORD"));
        c.setAutoCommit(true);
        return c;
    }

    /** The pid crm recorded for a service, or -1 when it does not run. */
    public long pid(String service) {
        try {
            Path file = stateDir.resolve("run").resolve(service + ".pid");
            return Files.exists(file) ? Long.parseLong(Files.readString(file).trim()) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** kill -9 of a service's process; waits until it is gone. */
    public void kill9(String service) throws InterruptedException {
        long pid = pid(service);
        ProcessHandle process =
                ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(service + " does not run"));
        process.destroyForcibly(); // SIGKILL on Unix
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (process.isAlive()) {
            throw new IllegalStateException(service + " (pid " + pid + ") survived kill -9");
        }
    }

    /** {@code ./crm start <service>}: starts it the way {@code ./crm up} does and waits until it is ready. */
    public void start(String service) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(crm.toString(), "start", service)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        stateDir.resolve("logs").resolve("faults-crm.log").toFile()));
        pb.environment().putAll(crmEnv);
        Process p = pb.start();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("./crm start " + service + " did not finish in 240 s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("./crm start " + service + " failed (exit " + p.exitValue() + "); see "
                    + stateDir.resolve("logs").resolve("faults-crm.log"));
        }
    }

    /** Asks devstack to do something to the infrastructure ({@code /kafka/stop}, {@code /postgres/restart}, ...). */
    public void control(String action) throws IOException, InterruptedException {
        String base = env.get("RAPPORT_DEVSTACK_CONTROL");
        if (base == null) {
            throw new IllegalStateException(
                    "this stack's devstack has no fault controls (restart it with ./crm down; ./crm up)");
        }
        HttpResponse<String> reply = http.send(
                HttpRequest.newBuilder(URI.create(base + action))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofSeconds(150))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("devstack " + action + " answered " + reply.statusCode() + ": "
                    + reply.body().trim());
        }
    }

    public Path stateDir() {
        return stateDir;
    }
}
