package io.rapport.bench.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's speed against the 300 ms goal (issue 21): signs in as a manager against a running stack ({@code ./crm
 * up} and {@code ./crm demo}), requests every page N times one after the other and prints, per page, the median, 90th
 * percentile and maximum of the server time the gateway reports in {@code Server-Timing} (and the client's round trip
 * beside it). See bench/README.md, "console: server time per page".
 */
public final class ConsoleTiming {
    /** The goal of issue 21: every page under 300 ms server time on the demo dataset. */
    static final double GOAL_MS = 300;

    private static final Pattern DUR = Pattern.compile("dur=([0-9]+(?:\\.[0-9]+)?)");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Figures(String page, int status, double median, double p90, double max, double clientMedian) {}

    private ConsoleTiming() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.println("""
                        usage: ConsoleTiming [--gateway URL] [--requests N] [--warmup N] [--user NAME] [--rep REP] [--token JWT]
                          --gateway   default http://localhost:$RAPPORT_GATEWAY_PORT (8080)
                          --requests  requests per page after the warm-up (default 20); --warmup default 3
                          --user      the manager's name for the dev sign-in (default maria, role admin)
                          --rep       whose agenda to time (default rep-1, one of ./crm demo's account managers)
                          --token     sign in with this admin token instead (a gateway without dev sign-in)""");
                return;
            }
            if (i + 1 < args.length) {
                opts.put(args[i].replaceFirst("^--", ""), args[++i]);
            }
        }
        String port = System.getenv().getOrDefault("RAPPORT_GATEWAY_PORT", "8080");
        String gateway = opts.getOrDefault("gateway", "http://localhost:" + port);
        int requests = Integer.parseInt(opts.getOrDefault("requests", "20"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "3"));
        String rep = opts.getOrDefault("rep", "rep-1");
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String session = opts.containsKey("token")
                ? opts.get("token")
                : signIn(http, gateway, opts.getOrDefault("user", "maria"));
        String customer = aCustomer(http, gateway, session);
        String programme = secondProgramme(http, gateway, session);
        List<String> pages = new ArrayList<>(List.of(
                "/console/overview",
                "/console/segments",
                "/console/segments/gold.csv",
                "/console/agenda?assignee=" + URLEncoder.encode(rep, StandardCharsets.UTF_8),
                "/console/customers"));
        if (customer != null) {
            pages.add("/console/customers/" + customer);
        }
        pages.add("/console/loyalty");
        if (programme != null) {
            pages.add("/console/loyalty?programme=" + programme);
        }
        pages.add("/console/health");

        System.out.printf(
                Locale.ROOT,
                "console server time (Server-Timing) at %s, %d requests per page after %d warm-up, one at a time%n",
                gateway,
                requests,
                warmup);
        System.out.printf(
                Locale.ROOT,
                "%-58s %6s %9s %9s %9s %11s  %s%n",
                "page",
                "status",
                "median",
                "p90",
                "max",
                "client med",
                "goal 300 ms");
        boolean allMet = true;
        for (String page : pages) {
            Figures f = time(http, gateway, session, page, warmup, requests);
            boolean met = f.status() == 200 && f.median() < GOAL_MS;
            allMet &= met;
            System.out.printf(
                    Locale.ROOT,
                    "%-58s %6d %7.1fms %7.1fms %7.1fms %9.1fms  %s%n",
                    page,
                    f.status(),
                    f.median(),
                    f.p90(),
                    f.max(),
                    f.clientMedian(),
                    met ? "met" : "NOT MET");
        }
        System.out.println(allMet ? "every page met the goal (median)" : "some page did not meet the goal");
    }

    static Figures time(HttpClient http, String gateway, String session, String page, int warmup, int requests)
            throws Exception {
        List<Double> server = new ArrayList<>();
        List<Double> client = new ArrayList<>();
        int status = 0;
        for (int i = 0; i < warmup + requests; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create(gateway + page))
                            .header("Cookie", "rapport_console=" + session)
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            double clientMs = (System.nanoTime() - start) / 1_000_000.0;
            status = response.statusCode();
            if (i < warmup) {
                continue;
            }
            client.add(clientMs);
            String timing = response.headers().firstValue("Server-Timing").orElse("");
            Matcher m = DUR.matcher(timing);
            server.add(m.find() ? Double.parseDouble(m.group(1)) : Double.NaN);
        }
        return new Figures(
                page,
                status,
                percentile(server, 50),
                percentile(server, 90),
                percentile(server, 100),
                percentile(client, 50));
    }

    /** The nearest-rank percentile (100: the maximum). */
    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** The dev profile's sign-in (POST /console/sign-in as role admin); returns the session cookie's value. */
    static String signIn(HttpClient http, String gateway, String user) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(gateway + "/console/sign-in"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "user=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&role=admin"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            if (cookie.startsWith("rapport_console=")) {
                return cookie.substring("rapport_console=".length()).split(";", 2)[0];
            }
        }
        throw new IllegalStateException("the dev sign-in at " + gateway + " answered " + response.statusCode()
                + " without a session (a gateway without dev sign-in: pass --token from ./crm token --role admin)");
    }

    /** The top customer of the gold list (for the Customer page), or null. */
    static String aCustomer(HttpClient http, String gateway, String token) throws Exception {
        JsonNode body = get(http, gateway, token, "/api/v1/segments/worksheet/gold?size=1");
        JsonNode first = body == null ? null : body.path("items").path(0);
        return first == null || first.isMissingNode()
                ? null
                : first.path("customerId").asText(null);
    }

    /** The second loyalty programme (to time the Loyalty page's selector), or null when there is none. */
    static String secondProgramme(HttpClient http, String gateway, String token) throws Exception {
        JsonNode body = get(http, gateway, token, "/api/v1/loyalty/programmes?size=2");
        JsonNode second = body == null ? null : body.path("items").path(1);
        return second == null || second.isMissingNode()
                ? null
                : second.path("id").asText(null);
    }

    private static JsonNode get(HttpClient http, String gateway, String token, String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(gateway + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }
}
