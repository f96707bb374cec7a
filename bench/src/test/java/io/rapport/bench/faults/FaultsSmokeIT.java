package io.rapport.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.devstack.FreePorts;
import io.rapport.devstack.ProjectDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fault harness's short run in {@code ./mvnw verify}: the packaged suite started by {@code ./crm up --detach} on free
 * ports with its own state directory (bench/target/faults-it), a small purchase load, one kill -9 (loyalty) and one
 * transient table lock (loyalty's ledger, 10 s); every accepted purchase must reach every service exactly once within
 * the convergence timeout. {@code ./crm down} runs whatever happens, and no process of the stack may outlive it.
 */
class FaultsSmokeIT {
    private static final Path ROOT = ProjectDirs.projectRoot();
    private static final Path STATE = ROOT.resolve("bench").resolve("target").resolve("faults-it");
    private static final Map<String, String> ENV = new HashMap<>();
    private static int gatewayPort;

    @BeforeAll
    static void up() throws Exception {
        for (String module : List.of(
                "customer-service", "segmentation-service", "engagement-service", "loyalty-service", "gateway")) {
            assertThat(ROOT.resolve(module).resolve("target/quarkus-app/quarkus-run.jar"))
                    .as("the packaged %s (the reactor builds it before bench)", module)
                    .exists();
        }
        ProjectDirs.deleteQuietly(STATE);
        Files.createDirectories(STATE);
        // crm runs devstack from the tools classpath: this test's own (the reactor's modules), nothing from ~/.m2
        // installs
        Files.writeString(STATE.resolve("tools.classpath"), System.getProperty("java.class.path"));
        gatewayPort = FreePorts.next();
        ENV.put("RAPPORT_STATE_DIR", STATE.toString());
        ENV.put("RAPPORT_GATEWAY_PORT", Integer.toString(gatewayPort));
        ENV.put("RAPPORT_CUSTOMER_PORT", Integer.toString(FreePorts.next()));
        ENV.put("RAPPORT_SEGMENTATION_PORT", Integer.toString(FreePorts.next()));
        ENV.put("RAPPORT_ENGAGEMENT_PORT", Integer.toString(FreePorts.next()));
        ENV.put("RAPPORT_LOYALTY_PORT", Integer.toString(FreePorts.next()));
        ENV.put("RAPPORT_PG_PORT", Integer.toString(FreePorts.next()));
        ENV.put("RAPPORT_KAFKA_PORT", Integer.toString(FreePorts.next()));
        ENV.put("RAPPORT_SMTP_PORT", Integer.toString(FreePorts.next()));
        for (String name : new String[] {"GATEWAY", "CUSTOMER", "SEGMENTATION", "ENGAGEMENT", "LOYALTY"}) {
            ENV.put("RAPPORT_" + name + "_MANAGEMENT_PORT", Integer.toString(FreePorts.next())); // health and metrics
        }
        ENV.put("RAPPORT_READY_TIMEOUT", "240");
        ENV.put("RAPPORT_SERVICE_JVM_OPTS", "-Xmx320m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        int exit = crm(Duration.ofMinutes(6), "up", "--detach");
        assertThat(exit).as("./crm up --detach (see %s)", STATE.resolve("logs")).isZero();
    }

    @AfterAll
    static void down() throws Exception {
        List<Long> pids = pids();
        crm(Duration.ofMinutes(3), "down");
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(p -> {
                try {
                    p.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // asserted below
                }
            });
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("process %d of the stack still runs after ./crm down", pid)
                    .isFalse();
        }
        // PostgreSQL's processes are not crm's children: none may run on this stack's data directory any more
        assertThat(ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().orElse("").contains(STATE.toString())))
                .as("processes on %s after ./crm down", STATE)
                .isEmpty();
    }

    @Test
    void aKilledConsumerAndALockedLedgerLoseAndDoubleNothing() throws Exception {
        // the harness finds the stack through its state directory; a killed service is started with crm's environment
        Stack stack = Stack.of(STATE, ROOT.resolve("crm"), ENV);
        FaultHarness.Settings settings = new FaultHarness.Settings(
                "http://localhost:" + gatewayPort,
                8,
                4,
                Duration.ofSeconds(3),
                Duration.ofSeconds(3),
                Duration.ofSeconds(60));
        List<Fault> faults = FaultsMain.faults(
                "kill-loyalty,lock-ledger", Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(2));
        FaultHarness harness = new FaultHarness(stack, settings);
        List<ScenarioResult> results = harness.run(faults);
        System.out.print(Report.table(results));
        Report.write(STATE.resolve("results"), harness.runId(), settings, results);

        assertThat(results)
                .extracting(ScenarioResult::scenario)
                .containsExactly("kill-loyalty", "lock-loyalty.ledger_entry");
        for (ScenarioResult r : results) {
            assertThat(r.accepted())
                    .as("%s: purchases accepted during the scenario", r.scenario())
                    .isGreaterThan(10);
            assertThat(r.observed())
                    .as(r.scenario())
                    .containsOnly(
                            Map.entry("customer", r.accepted()),
                            Map.entry("loyalty", r.accepted()),
                            Map.entry("segmentation", r.accepted()),
                            Map.entry("engagement", r.accepted()));
            assertThat(r.lost()).as("%s lost", r.scenario()).isEmpty();
            assertThat(r.doubled()).as("%s doubled", r.scenario()).isEmpty();
            assertThat(r.unexpectedDeadLetters())
                    .as("%s dead letters", r.scenario())
                    .isEmpty();
            assertThat(r.convergeSeconds()).as("%s converged", r.scenario()).isNotNull();
            assertThat(r.ok()).as(r.problems()).isTrue();
        }
        // the killed loyalty-service's log is kept, not emptied, when crm starts it again
        assertThat(STATE.resolve("logs").resolve("loyalty-service.log.1")).isNotEmptyFile();
        assertThat(Files.readString(STATE.resolve("logs").resolve("loyalty-service.log.1")))
                .contains("started in");
    }

    private static int crm(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("crm").toString());
        command.addAll(List.of(args));
        Files.createDirectories(STATE.resolve("logs"));
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        STATE.resolve("logs").resolve("crm-" + args[0] + ".log").toFile()));
        pb.environment().putAll(ENV);
        Process p = pb.start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static List<Long> pids() throws IOException {
        Path run = STATE.resolve("run");
        if (!Files.isDirectory(run)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(run)) {
            return files.filter(f -> f.toString().endsWith(".pid"))
                    .map(f -> {
                        try {
                            return Long.parseLong(Files.readString(f).trim());
                        } catch (IOException | NumberFormatException e) {
                            return -1L;
                        }
                    })
                    .filter(pid -> pid > 0)
                    .toList();
        }
    }
}
