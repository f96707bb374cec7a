package io.rapport.bench.ratio;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.bench.faults.Stack;
import io.rapport.devstack.FreePorts;
import io.rapport.devstack.ProjectDirs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ratio benchmark's guard in {@code ./mvnw verify}: the packaged suite started by {@code ./crm up --detach} on free
 * ports with its own state directory (bench/target/ratio-it), then {@link RatioBench} with its quick settings (same
 * thread counts, 2 s rounds, purchase rates 5/10/25). It fails only on a large regression: a row fails when its figure
 * drops below {@code min(half its goal, a tenth of the baseline)}; the baseline (ratio-guard-baseline.properties) is the
 * full run recorded in bench/README.md. Where today's figures are far below the goals, half the goal alone would fail
 * at once, so a tenth of the measured baseline is what the guard holds: a 10x regression fails, while the factor of
 * 2 to 5 that a busy shared machine moves a figure by does not.
 */
class RatioGuardIT {
    private static final Path ROOT = ProjectDirs.projectRoot();
    private static final Path STATE = ROOT.resolve("bench").resolve("target").resolve("ratio-it");
    private static final Map<String, String> ENV = new HashMap<>();
    private static int gatewayPort;
    private static int customerPort;

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
        Files.writeString(STATE.resolve("tools.classpath"), System.getProperty("java.class.path"));
        gatewayPort = FreePorts.next();
        customerPort = FreePorts.next();
        ENV.put("RAPPORT_STATE_DIR", STATE.toString());
        ENV.put("RAPPORT_GATEWAY_PORT", Integer.toString(gatewayPort));
        ENV.put("RAPPORT_CUSTOMER_PORT", Integer.toString(customerPort));
        ENV.put("RAPPORT_SEGMENTATION_PORT", Integer.toString(FreePorts.next()));
        ENV.put("RAPPORT_ENGAGEMENT_PORT", Integer.toString(FreePorts.next()));
        ENV.put("RAPPORT_LOYALTY_PORT", Integer.toString(FreePorts.next()));
        ENV.put("RAPPORT_PG_PORT", Integer.toString(FreePorts.next()));
        ENV.put("RAPPORT_KAFKA_PORT", Integer.toString(FreePorts.next()));
        ENV.put("RAPPORT_SMTP_PORT", Integer.toString(FreePorts.next()));
        for (String name : new String[] {"GATEWAY", "CUSTOMER", "SEGMENTATION", "ENGAGEMENT", "LOYALTY"}) {
            ENV.put("RAPPORT_" + name + "_MANAGEMENT_PORT", Integer.toString(FreePorts.next()));
        }
        ENV.put("RAPPORT_READY_TIMEOUT", "240");
        int exit = crm(Duration.ofMinutes(6), "up", "--detach");
        assertThat(exit).as("./crm up --detach (see %s)", STATE.resolve("logs")).isZero();
    }

    @AfterAll
    static void down() throws Exception {
        crm(Duration.ofMinutes(3), "down");
    }

    @Test
    void noRatioDropsBelowHalfItsGoalOrAQuarterOfTheRecordedBaseline() throws Exception {
        Stack stack = Stack.of(STATE, ROOT.resolve("crm"), ENV);
        RatioBench.Result result = RatioBench.run(
                stack,
                RatioBench.Settings.quick("http://localhost:" + gatewayPort, "http://localhost:" + customerPort));
        System.out.print(RatioBench.table(result));
        RatioBench.write(STATE.resolve("results"), result);
        Properties baseline = baseline();

        SoftAssertions soft = new SoftAssertions();
        for (RatioBench.Row row : result.rows()) {
            if (row.informational()) {
                continue;
            }
            double threshold = threshold(row.goal(), Double.parseDouble(baseline.getProperty(row.key(), "NaN")));
            soft.assertThat(row.score())
                    .as(
                            "%s: %s (guard: at least %.4f = min(half the goal %.4f, a tenth of the" + " baseline %s))",
                            row.key(), row.app(), threshold, row.goal() / 2, baseline.getProperty(row.key()))
                    .isGreaterThanOrEqualTo(threshold);
        }
        // the purchase path's latency at the lowest rate, so the guard holds even while no rate meets the goal
        // latencies
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps =
                (List<Map<String, Object>>) result.figures().get("purchaseSteps");
        double p50 = ((Number) steps.get(0).get("p50Ms")).doubleValue();
        double limit = Math.max(2 * 25, 4 * Double.parseDouble(baseline.getProperty("purchase-p50-ms-at-lowest-rate")));
        soft.assertThat(p50)
                .as(
                        "purchase -> visible p50 at %s/s (guard: at most max(twice the goal 25 ms, four times the"
                                + " baseline))",
                        steps.get(0).get("rate"))
                .isLessThanOrEqualTo(limit);
        soft.assertAll();
    }

    static double threshold(double goal, double baseline) {
        return Double.isNaN(baseline) ? goal / 2 : Math.min(goal / 2, baseline / 10);
    }

    private static Properties baseline() throws IOException {
        Properties p = new Properties();
        try (InputStream in = RatioGuardIT.class.getResourceAsStream("/ratio-guard-baseline.properties")) {
            p.load(in);
        }
        return p;
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
}
