package io.rapport.bench.faults;

import io.rapport.bench.token.DevKeys;
import io.rapport.bench.token.DevTokens;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Drives a running stack: makes the {@link Population}, then for each fault in turn runs a steady purchase load, injects
 * the fault, stops the load, and reconciles every service's database against the purchases customer-service accepted
 * until they agree or the convergence deadline passes. See {@link FaultsMain} for the command line.
 */
public final class FaultHarness {
    /** How a run is shaped. */
    public record Settings(
            String gateway, int customers, double rate, Duration warmup, Duration tail, Duration convergeTimeout) {}

    private final Stack stack;
    private final Settings settings;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    public FaultHarness(Stack stack, Settings settings) {
        this.stack = stack;
        this.settings = settings;
    }

    public String runId() {
        return runId;
    }

    /** Runs the faults one after the other; a scenario that cannot run is reported as failed and the next one runs. */
    public List<ScenarioResult> run(List<Fault> faults) throws Exception {
        String token = DevTokens.sign(DevKeys.privateKey(), "fault-harness", List.of("admin"), Duration.ofHours(6));
        GatewayApi api = new GatewayApi(settings.gateway(), token, Duration.ofSeconds(10));
        log("making %d customers, a programme and its members (run %s)", settings.customers(), runId);
        Population.Made made = Population.make(api, runId, settings.customers());
        PurchaseLoad load = new PurchaseLoad(api, made.customers(), runId, Duration.ofSeconds(120));
        DeadLetterWatch deadLetters = new DeadLetterWatch(stack.kafkaBootstrap(), api);
        List<ScenarioResult> results = new ArrayList<>();
        try (Reconciler reconciler = new Reconciler(stack, made.programmeId())) {
            for (Fault fault : faults) {
                try {
                    results.add(scenario(fault, load, reconciler, deadLetters));
                } catch (RuntimeException e) {
                    log("%s: could not run: %s", fault.name(), e);
                    results.add(new ScenarioResult(
                            fault.name(),
                            0,
                            Map.of(),
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of(),
                            0,
                            false,
                            null,
                            0,
                            0,
                            "could not run: " + e));
                }
            }
        }
        return results;
    }

    private ScenarioResult scenario(Fault fault, PurchaseLoad load, Reconciler reconciler, DeadLetterWatch deadLetters)
            throws InterruptedException {
        String name = fault.name();
        deadLetters.mark();
        long retriesBefore = load.retries();
        log("%s: load at %.0f purchases/s", name, settings.rate());
        load.start(name, settings.rate());
        Thread.sleep(settings.warmup().toMillis());
        String error = null;
        Instant faultStart = Instant.now();
        log("%s: injecting", name);
        try {
            fault.inject(stack);
        } catch (Exception e) {
            error = e.getMessage();
            log("%s: the fault could not be injected or undone: %s", name, e);
        }
        Instant faultEnd = Instant.now();
        log("%s: fault over after %.1f s", name, seconds(faultStart, faultEnd));
        Thread.sleep(settings.tail().toMillis());
        load.stopAndDrain();
        List<PurchaseLoad.Accepted> accepted = load.accepted(name);
        Instant lastAccepted = accepted.stream()
                .map(PurchaseLoad.Accepted::at)
                .max(Comparator.naturalOrder())
                .orElse(faultEnd);
        Instant from = lastAccepted.isAfter(faultEnd) ? lastAccepted : faultEnd;
        Instant deadline = faultEnd.plus(settings.convergeTimeout());

        Observation observation = null;
        Double converge = null;
        while (true) {
            try {
                observation = reconciler.observe(accepted);
                if (observation.converged(accepted)) {
                    converge = Math.max(0, seconds(from, Instant.now()));
                    break;
                }
            } catch (SQLException e) {
                log("%s: reconciliation query failed (%s); retrying", name, e.getMessage());
            }
            if (Instant.now().isAfter(deadline)) {
                break;
            }
            Thread.sleep(250);
        }
        List<DeadLetterWatch.DeadLetter> letters = waitForPoison(fault, deadLetters, deadline);
        String poison = fault.poisonEventId();
        List<String> unexpected = letters.stream()
                .filter(l -> poison == null || !poison.equals(l.eventId()))
                .map(l -> l.where() + " " + l.eventId() + ": " + l.error())
                .toList();
        int poisoned = (int) letters.stream()
                .filter(l -> poison != null && poison.equals(l.eventId()))
                .count();
        List<String> rejected = load.rejected(name).stream()
                .map(r -> r.orderId() + " " + r.status() + " " + r.detail())
                .toList();
        Map<String, Integer> observed = observation == null ? Map.of() : observation.observed(accepted);
        ScenarioResult result = new ScenarioResult(
                name,
                accepted.size(),
                observed,
                observation == null ? List.of("no observation") : observation.lost(accepted),
                observation == null ? List.of() : observation.doubled(accepted),
                rejected,
                unexpected,
                poisoned,
                poison != null,
                converge,
                seconds(faultStart, faultEnd),
                load.retries() - retriesBefore,
                error);
        log("%s: %s", name, result.ok() ? "ok" : result.problems());
        return result;
    }

    /** The dead letters since the mark; for the poison scenario, waits (until the deadline) for the poison's to show. */
    private static List<DeadLetterWatch.DeadLetter> waitForPoison(Fault fault, DeadLetterWatch watch, Instant deadline)
            throws InterruptedException {
        while (true) {
            List<DeadLetterWatch.DeadLetter> letters;
            try {
                letters = watch.since();
            } catch (RuntimeException e) {
                letters = null;
            }
            boolean seen = letters != null
                    && (fault.poisonEventId() == null
                            || letters.stream()
                                    .anyMatch(l -> fault.poisonEventId().equals(l.eventId())));
            if (seen || Instant.now().isAfter(deadline)) {
                return letters == null
                        ? List.of(new DeadLetterWatch.DeadLetter("?", null, "dead letters unreadable"))
                        : letters;
            }
            Thread.sleep(500);
        }
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    static void log(String format, Object... args) {
        System.out.printf(
                "[faults %s] %s%n",
                java.time.LocalTime.now().format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")),
                String.format(format, args));
        System.out.flush();
    }
}
