package io.rapport.bench.ratio;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * A text flame-graph summary of a JFR recording: the CPU samples ({@code jdk.ExecutionSample}) between two instants,
 * as the methods that burn CPU themselves (self), the methods whose callees do (total), and the share of samples
 * spent below each area of the code (JDBC driver, Hibernate, Jackson, Vert.x, Kafka client, our code ...).
 *
 * <p>{@code java -cp ... io.rapport.bench.ratio.JfrSummary recording.jfr [fromEpochMillis toEpochMillis [top [under]]]}
 */
public final class JfrSummary {

    /** Areas a sample is charged to: the first listed package prefix found anywhere in its stack, top first. */
    private static final List<String[]> AREAS = List.of(
            new String[] {"JDBC driver (org.postgresql)", "org.postgresql."},
            new String[] {"connection pool (Agroal)", "io.agroal."},
            new String[] {"Hibernate ORM", "org.hibernate."},
            new String[] {"JSON (Jackson)", "com.fasterxml.jackson."},
            new String[] {"Kafka client", "org.apache.kafka."},
            new String[] {"SmallRye Reactive Messaging", "io.smallrye.reactive.messaging."},
            new String[] {"JWT / crypto", "io.smallrye.jwt.", "org.jose4j.", "sun.security.", "javax.crypto."},
            new String[] {"logging", "org.jboss.logging.", "org.jboss.logmanager.", "io.quarkus.bootstrap.logging."},
            new String[] {
                "Quarkus REST / Vert.x / Netty",
                "org.jboss.resteasy.reactive.",
                "io.quarkus.resteasy.",
                "io.vertx.",
                "io.netty."
            },
            new String[] {"Rapport code", "io.rapport."});

    public record Line(String name, long samples, double share) {}

    public record Summary(long samples, List<Line> self, List<Line> total, List<Line> areas) {
        public String text(int top) {
            StringBuilder b = new StringBuilder();
            b.append(String.format("%d CPU samples%n", samples));
            section(b, "by area (first match in the stack, top frame first)", areas, top);
            section(b, "self (the method on top of the stack)", self, top);
            section(b, "total (the method anywhere in the stack; io.rapport and frameworks' entry points)", total, top);
            return b.toString();
        }

        private static void section(StringBuilder b, String title, List<Line> lines, int top) {
            b.append("  ").append(title).append('\n');
            lines.stream()
                    .limit(top)
                    .forEach(l -> b.append(String.format("    %5.1f%%  %6d  %s%n", l.share * 100, l.samples, l.name)));
        }
    }

    private JfrSummary() {}

    public static Summary summarize(Path recording, Instant from, Instant to) throws IOException {
        return summarize(recording, from, to, null);
    }

    /** As above, counting only the samples with {@code under} (a method name's start) somewhere in their stack. */
    public static Summary summarize(Path recording, Instant from, Instant to, String under) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> total = new HashMap<>();
        Map<String, Long> areas = new HashMap<>();
        long samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                Instant at = e.getStartTime();
                if ((from != null && at.isBefore(from)) || (to != null && at.isAfter(to))) {
                    continue;
                }
                if (e.getStackTrace() == null || e.getStackTrace().getFrames().isEmpty()) {
                    continue;
                }
                List<RecordedFrame> frames = e.getStackTrace().getFrames();
                if (under != null && frames.stream().noneMatch(f -> name(f).startsWith(under))) {
                    continue;
                }
                samples++;
                self.merge(name(frames.get(0)), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                String area = null;
                for (RecordedFrame f : frames) {
                    String n = name(f);
                    if (seen.add(n)) {
                        total.merge(n, 1L, Long::sum);
                    }
                    if (area == null) {
                        area = area(n);
                    }
                }
                areas.merge(area == null ? "JDK and other" : area, 1L, Long::sum);
            }
        }
        return new Summary(samples, lines(self, samples), lines(total, samples), lines(areas, samples));
    }

    private static String area(String method) {
        for (String[] a : AREAS) {
            for (int i = 1; i < a.length; i++) {
                if (method.startsWith(a[i])) {
                    return a[0];
                }
            }
        }
        return null;
    }

    private static List<Line> lines(Map<String, Long> counts, long samples) {
        List<Line> out = new ArrayList<>();
        counts.forEach((k, v) -> out.add(new Line(k, v, samples == 0 ? 0 : v / (double) samples)));
        return out.stream().sorted((a, b) -> Long.compare(b.samples, a.samples)).collect(Collectors.toList());
    }

    private static String name(RecordedFrame f) {
        RecordedMethod m = f.getMethod();
        return m == null ? "?" : m.getType().getName() + "." + m.getName();
    }

    public static void main(String[] args) throws IOException {
        Instant from = args.length > 2 ? Instant.ofEpochMilli(Long.parseLong(args[1])) : null;
        Instant to = args.length > 2 ? Instant.ofEpochMilli(Long.parseLong(args[2])) : null;
        int top = args.length > 3 ? Integer.parseInt(args[3]) : 25;
        String under = args.length > 4 ? args[4] : null;
        System.out.print(summarize(Path.of(args[0]), from, to, under).text(top));
    }
}
