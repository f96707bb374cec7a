package io.rapport.bench.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The harness's table and its JSON file. */
final class Report {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Report() {}

    static String table(List<ScenarioResult> results) {
        StringBuilder out = new StringBuilder();
        String format = "%-34s %8s %7s %8s %8s %8s %8s %6s %7s %5s %9s  %s%n";
        out.append(String.format(
                Locale.ROOT,
                format,
                "scenario",
                "accepted",
                "retried",
                "customer",
                "loyalty",
                "segment.",
                "engage.",
                "lost",
                "doubled",
                "dlq",
                "converge",
                "result"));
        for (ScenarioResult r : results) {
            out.append(String.format(
                    Locale.ROOT,
                    format,
                    r.scenario(),
                    r.accepted(),
                    r.retries(),
                    count(r, "customer"),
                    count(r, "loyalty"),
                    count(r, "segmentation"),
                    count(r, "engagement"),
                    r.lost().size(),
                    r.doubled().size(),
                    r.unexpectedDeadLetters().size() + (r.poisonExpected() ? "+" + r.poisonDeadLetters() + "p" : ""),
                    r.convergeSeconds() == null ? "never" : String.format(Locale.ROOT, "%.1f s", r.convergeSeconds()),
                    r.ok() ? "ok" : "FAIL: " + r.problems()));
        }
        out.append("retried: purchase calls repeated (same orderId) after no answer or a 5xx;"
                + " dlq: dead letters other than the poison record (+Np: the poison's own, one per consumer that set it aside);"
                + " converge: seconds from the end of the fault (or the last accepted purchase) until every service held every"
                + " accepted purchase\n");
        for (ScenarioResult r : results) {
            details(out, r.scenario(), "lost", r.lost());
            details(out, r.scenario(), "doubled", r.doubled());
            details(out, r.scenario(), "rejected", r.rejected());
            details(out, r.scenario(), "dead letter", r.unexpectedDeadLetters());
        }
        return out.toString();
    }

    private static void details(StringBuilder out, String scenario, String what, List<String> items) {
        int shown = Math.min(5, items.size());
        for (int i = 0; i < shown; i++) {
            String item = items.get(i).replaceAll("\\s+", " ");
            out.append("  ")
                    .append(scenario)
                    .append(" ")
                    .append(what)
                    .append(": ")
                    .append(item.length() > 220 ? item.substring(0, 217) + "..." : item)
                    .append('\n');
        }
        if (items.size() > shown) {
            out.append("  ")
                    .append(scenario)
                    .append(" ")
                    .append(what)
                    .append(": ... and ")
                    .append(items.size() - shown)
                    .append(" more (see the JSON)\n");
        }
    }

    private static String count(ScenarioResult r, String service) {
        Integer n = r.observed().get(service);
        return n == null ? "-" : n.toString();
    }

    /** Writes {@code faults-<time>-<run>.json} into {@code dir}; returns its path. */
    static Path write(Path dir, String runId, FaultHarness.Settings settings, List<ScenarioResult> results)
            throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("run", runId);
        doc.put("finishedAt", Instant.now().toString());
        doc.put(
                "settings",
                Map.of(
                        "customers",
                        settings.customers(),
                        "ratePerSecond",
                        settings.rate(),
                        "warmupSeconds",
                        settings.warmup().toSeconds(),
                        "tailSeconds",
                        settings.tail().toSeconds(),
                        "convergeTimeoutSeconds",
                        settings.convergeTimeout().toSeconds()));
        List<Map<String, Object>> scenarios = new ArrayList<>();
        for (ScenarioResult r : results) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("scenario", r.scenario());
            s.put("ok", r.ok());
            s.put("accepted", r.accepted());
            s.put("observed", r.observed());
            s.put("lost", r.lost());
            s.put("doubled", r.doubled());
            s.put("rejected", r.rejected());
            s.put("unexpectedDeadLetters", r.unexpectedDeadLetters());
            s.put("poisonDeadLetters", r.poisonDeadLetters());
            s.put("convergeSeconds", r.convergeSeconds());
            s.put("faultSeconds", r.faultSeconds());
            s.put("purchaseRetries", r.retries());
            s.put("error", r.error());
            scenarios.add(s);
        }
        doc.put("scenarios", scenarios);
        doc.put("ok", results.stream().allMatch(ScenarioResult::ok));
        Path file = dir.resolve(
                "faults-" + Instant.now().toString().replace(":", "").replaceAll("\\..*", "") + "-" + runId + ".json");
        JSON.writeValue(file.toFile(), doc);
        return file;
    }
}
