package io.rapport.gateway.console;

import java.util.Locale;

/**
 * The figures the Health page reads from a service's Prometheus text ({@code /q/metrics}): the outbox backlog and lag
 * gauges every service's relay publishes, and the largest Kafka consumer lag. A figure not present is "n/a".
 */
record Metrics(String outboxBacklog, String outboxLagSeconds, String consumerLag) {
    static Metrics parse(String text) {
        Double backlog = null;
        Double lag = null;
        Double consumer = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            String name = line.substring(0, space);
            double value;
            try {
                value = Double.parseDouble(line.substring(space + 1).trim());
            } catch (NumberFormatException e) {
                continue;
            }
            if (Double.isNaN(value)) {
                continue;
            }
            if (name.startsWith("rapport_outbox_backlog")) {
                backlog = sum(backlog, value);
            } else if (name.startsWith("rapport_outbox_lag_seconds")) {
                lag = max(lag, value);
            } else if (name.startsWith("kafka_consumer_fetch_manager_records_lag_max")) {
                consumer = max(consumer, value);
            }
        }
        return new Metrics(show(backlog), show(lag), show(consumer));
    }

    private static Double sum(Double a, double b) {
        return a == null ? b : a + b;
    }

    private static Double max(Double a, double b) {
        return a == null ? b : Math.max(a, b);
    }

    private static String show(Double v) {
        if (v == null) {
            return "n/a";
        }
        return v == Math.rint(v) ? Long.toString(v.longValue()) : String.format(Locale.ROOT, "%.1f", v);
    }
}
