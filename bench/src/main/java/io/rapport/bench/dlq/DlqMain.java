package io.rapport.bench.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.bench.faults.GatewayApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./crm dlq <service> list|redrive|discard}: the dead letters of one service through the gateway's admin API
 * ({@code /api/v1/admin/<service>/dead-letters}, role admin), with the token crm passes in {@code RAPPORT_TOKEN}.
 *
 * <pre>
 * ./crm dlq loyalty list [--status PENDING|REDRIVEN|DISCARDED] [--consumer C] [--type T] [--page 0] [--size 50] [--json]
 * ./crm dlq loyalty redrive ID
 * ./crm dlq loyalty redrive --ids ID,ID | --type T [--consumer C] [--since 2026-01-01T00:00:00Z] | --all
 * ./crm dlq loyalty discard ID --reason "why it is not applied"
 * </pre>
 */
public final class DlqMain {
    static final Set<String> SERVICES = Set.of("customer", "segmentation", "engagement", "loyalty");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DlqMain() {}

    public static void main(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    usage(System.out);
                    return;
                }
                case "--all", "--json" -> opts.put(args[i].substring(2), "true");
                default -> {
                    if (args[i].startsWith("--")) {
                        if (i + 1 >= args.length) {
                            fail(args[i] + " needs a value");
                        }
                        opts.put(args[i].substring(2), args[++i]);
                    } else {
                        words.add(args[i]);
                    }
                }
            }
        }
        String token = System.getenv("RAPPORT_TOKEN");
        if (token == null || token.isBlank()) {
            fail("no admin token in RAPPORT_TOKEN (run it as ./crm dlq ...)");
        }
        GatewayApi api =
                new GatewayApi(opts.getOrDefault("gateway", "http://localhost:8080"), token, Duration.ofSeconds(30));
        System.exit(run(api, words, opts, System.out));
    }

    /** Runs one command; answers the exit status (0 done, 1 refused or failed, 2 bad usage). */
    static int run(GatewayApi api, List<String> words, Map<String, String> opts, java.io.PrintStream out) {
        if (words.size() < 2 || !SERVICES.contains(words.get(0))) {
            usage(System.err);
            return 2;
        }
        String base = "/api/v1/admin/" + words.get(0) + "/dead-letters";
        String action = words.get(1);
        String id = words.size() > 2 ? words.get(2) : null;
        GatewayApi.Reply reply;
        switch (action) {
            case "list" -> {
                StringBuilder query = new StringBuilder(
                        "?page=" + opts.getOrDefault("page", "0") + "&size=" + opts.getOrDefault("size", "50"));
                for (String key : List.of("status", "consumer", "type")) {
                    if (opts.containsKey(key)) {
                        query.append('&')
                                .append(key)
                                .append('=')
                                .append(URLEncoder.encode(opts.get(key), StandardCharsets.UTF_8));
                    }
                }
                reply = api.get(base + query);
                if (reply.ok() && !opts.containsKey("json")) {
                    out.print(table(reply.body()));
                    return 0;
                }
            }
            case "redrive" -> {
                if (id != null) {
                    reply = api.post(base + "/" + id + "/redrive", null);
                } else {
                    Map<String, Object> body = new LinkedHashMap<>();
                    if (opts.containsKey("all")) {
                        body.put("all", true);
                    } else if (opts.containsKey("ids")) {
                        body.put("ids", List.of(opts.get("ids").split(",")));
                    } else if (opts.containsKey("type") || opts.containsKey("consumer") || opts.containsKey("since")) {
                        for (String key : List.of("type", "consumer", "since")) {
                            if (opts.containsKey(key)) {
                                body.put(key, opts.get(key));
                            }
                        }
                    } else {
                        System.err.println("redrive what? an ID, --ids, --type/--consumer/--since, or --all");
                        return 2;
                    }
                    reply = api.post(base + "/redrive", body);
                }
            }
            case "discard" -> {
                if (id == null
                        || !opts.containsKey("reason")
                        || opts.get("reason").isBlank()) {
                    System.err.println("usage: ./crm dlq <service> discard ID --reason \"why\" (the reason is kept)");
                    return 2;
                }
                reply = api.post(base + "/" + id + "/discard", Map.of("reason", opts.get("reason")));
            }
            default -> {
                usage(System.err);
                return 2;
            }
        }
        if (reply.status() == 0) {
            System.err.println("no answer from the gateway at " + opts.getOrDefault("gateway", "http://localhost:8080")
                    + " (is the stack up? ./crm status)");
            return 1;
        }
        out.println(pretty(reply.body()));
        if (!reply.ok()) {
            System.err.println("the gateway answered " + reply.status());
            return 1;
        }
        return 0;
    }

    /** A page of dead letters as a table. */
    static String table(JsonNode page) {
        StringBuilder s = new StringBuilder();
        String format = "%-36s  %-10s  %-13s  %-40s  %-36s  %3s  %-20s  %s%n";
        s.append(String.format(format, "ID", "STATUS", "CONSUMER", "TYPE", "SUBJECT", "TRY", "LAST FAILED", "ERROR"));
        for (JsonNode item : page.path("items")) {
            String error = item.path("error").asText("");
            s.append(String.format(
                    format,
                    item.path("id").asText(),
                    item.path("status").asText(),
                    item.path("consumer").asText(),
                    item.path("eventType").asText(),
                    item.path("subject").asText(),
                    item.path("attempts").asText(),
                    item.path("lastFailedAt").asText(),
                    error.length() > 80 ? error.substring(0, 77) + "..." : error));
        }
        s.append(String.format(
                "page %d, %d of %d dead letters%n",
                page.path("page").asInt(),
                page.path("items").size(),
                page.path("total").asLong()));
        return s.toString();
    }

    private static String pretty(JsonNode body) {
        try {
            return body.isMissingNode()
                    ? ""
                    : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body);
        } catch (Exception e) {
            return body.toString();
        }
    }

    private static void usage(java.io.PrintStream out) {
        out.println("""
                usage: ./crm dlq <customer|segmentation|engagement|loyalty> <command>
                  list [--status PENDING|REDRIVEN|DISCARDED] [--consumer C] [--type T] [--page 0] [--size 50] [--json]
                  redrive ID                              apply one dead letter again (through the idempotent inbox)
                  redrive --ids ID,ID | --type T [--consumer C] [--since ISO-INSTANT] | --all
                  discard ID --reason "why"               set it aside for good; the reason is kept""");
    }

    private static void fail(String message) {
        System.err.println(message);
        usage(System.err);
        System.exit(2);
    }
}
