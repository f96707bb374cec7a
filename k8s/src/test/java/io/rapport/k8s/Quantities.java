package io.rapport.k8s;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes memory quantities and Quarkus durations, as far as the manifests use them. */
final class Quantities {
    private static final Pattern QUANTITY = Pattern.compile("^([0-9.]+)(Ki|Mi|Gi|Ti|k|M|G|T)?$");
    private static final Map<String, Long> FACTORS = Map.of(
            "Ki",
            1L << 10,
            "Mi",
            1L << 20,
            "Gi",
            1L << 30,
            "Ti",
            1L << 40,
            "k",
            1_000L,
            "M",
            1_000_000L,
            "G",
            1_000_000_000L,
            "T",
            1_000_000_000_000L);

    private Quantities() {}

    static long bytes(String quantity) {
        Matcher m = QUANTITY.matcher(quantity);
        if (!m.matches()) {
            throw new AssertionError("not a memory quantity: '" + quantity + "'");
        }
        long factor = m.group(2) == null ? 1 : FACTORS.get(m.group(2));
        return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor)).longValueExact();
    }

    /** {@code 30s}, {@code 1m}, {@code 500ms}, {@code 2} (seconds) or ISO-8601 {@code PT30S}, as Quarkus reads them. */
    static Duration duration(String value) {
        String v = value.trim();
        if (v.startsWith("P") || v.startsWith("p")) {
            return Duration.parse(v.toUpperCase());
        }
        Matcher m = Pattern.compile("^([0-9]+)(ms|s|m|h|d)?$").matcher(v);
        if (!m.matches()) {
            throw new AssertionError("not a duration: '" + value + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
