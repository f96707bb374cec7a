package io.rapport.bench.ratio;

import io.rapport.bench.faults.Stack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./crm bench --profile}: records every service with Java Flight Recorder ({@code jcmd <pid> JFR.start}, the
 * JDK's "profile" settings: a CPU sample of each running thread every 10 ms) for the whole run, then cuts the
 * recordings at the end of each phase of the benchmark and writes, per phase and service, a text summary of where the
 * CPU went ({@link JfrSummary}: by area, by method on top of the stack, by method anywhere in it). The recordings stay
 * next to the summaries for JDK Mission Control.
 */
final class Profiler {
    private static final String NAME = "ratio-bench";
    private final Stack stack;
    private final List<String> services = new ArrayList<>();
    /** The load generator (this JVM) is recorded too: its CPU competes with the stack's on the same cores. */
    private static final String LOAD_GENERATOR = "load-generator";

    private Profiler(Stack stack) {
        this.stack = stack;
    }

    static Profiler start(Stack stack) throws IOException, InterruptedException {
        Profiler p = new Profiler(stack);
        for (String service : names()) {
            long pid = pid(stack, service);
            if (pid > 0 && jcmd(pid, "JFR.start", "name=" + NAME, "settings=profile")) {
                p.services.add(service);
            } else {
                System.out.println("profile: could not start JFR in " + service + " (pid " + pid + ")");
            }
        }
        return p;
    }

    /**
     * Dumps and stops the recordings and writes the summaries into {@code dir}.
     *
     * @param phaseEnds each phase's name and the instant it ended, in order (the first starts where the recording does)
     */
    Path finish(Path dir, Map<String, Long> phaseEnds) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        for (String service : services) {
            long pid = pid(stack, service);
            Path jfr = dir.resolve(service + ".jfr").toAbsolutePath();
            if (!jcmd(pid, "JFR.dump", "name=" + NAME, "filename=" + jfr) || !Files.exists(jfr)) {
                System.out.println("profile: could not dump " + service);
                continue;
            }
            jcmd(pid, "JFR.stop", "name=" + NAME);
            StringBuilder text = new StringBuilder();
            Instant from = null;
            for (Map.Entry<String, Long> phase : phaseEnds.entrySet()) {
                Instant to = Instant.ofEpochMilli(phase.getValue());
                JfrSummary.Summary summary = JfrSummary.summarize(jfr, from, to);
                text.append("=== ")
                        .append(service)
                        .append(", phase ")
                        .append(phase.getKey())
                        .append(" (until ")
                        .append(to)
                        .append(")\n")
                        .append(summary.text(25))
                        .append('\n');
                from = to;
            }
            Files.writeString(dir.resolve(service + ".txt"), text.toString());
        }
        return dir;
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>(Stack.SERVICES);
        names.add(LOAD_GENERATOR);
        return names;
    }

    private static long pid(Stack stack, String name) {
        return name.equals(LOAD_GENERATOR) ? ProcessHandle.current().pid() : stack.pid(name);
    }

    private static boolean jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        cmd.add(Long.toString(pid));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return p.waitFor() == 0 && !out.contains("Exception") && !out.contains("Could not");
    }
}
