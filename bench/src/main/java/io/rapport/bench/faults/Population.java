package io.rapport.bench.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The harness's data, made through the gateway before any fault: {@code n} consumers, a loyalty programme of its own
 * (1 point per EUR, one tier with multiplier 1, no bonus: a purchase of X EUR earns exactly X points) with every customer
 * enrolled, and every customer's engagement level set to REACTIVE, whose one AFTER_PURCHASE plan gives exactly one
 * follow-up contact per purchase (DOMAIN.md section 3; a contact the pressure rules block is still recorded).
 */
public final class Population {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    public record Made(String programmeId, List<String> customers) {}

    private Population() {}

    public static Made make(GatewayApi api, String runId, int n) throws Exception {
        String programme = programme(api, runId);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> made = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                made.add(pool.submit(() -> customer(api, runId, index, programme)));
            }
            List<String> customers = new ArrayList<>();
            for (Future<String> f : made) {
                customers.add(f.get());
            }
            return new Made(programme, Collections.unmodifiableList(customers));
        } finally {
            pool.shutdownNow();
        }
    }

    private static String programme(GatewayApi api, String runId) {
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("pointsPerUnit", "1");
        rules.put("qualificationBasis", "POINTS_EARNED");
        rules.put("qualificationMonths", 12);
        rules.put("expiryMonths", 24);
        rules.put("expiryWarningDays", 30);
        rules.put("referrerPoints", 0);
        rules.put("newcomerPoints", 0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "FAULTS_" + runId.toUpperCase().replace('-', '_'));
        body.put("name", "Fault harness " + runId);
        body.put("currency", "EUR");
        body.put("rules", rules);
        body.put("tiers", List.of(Map.of("code", "MEMBER", "name", "Member", "threshold", "0", "multiplier", "1")));
        body.put("bonuses", List.of());
        GatewayApi.Reply r =
                api.sendRepeatable("POST", "/api/v1/loyalty/programmes", body, "faults-programme-" + runId, PATIENCE);
        return require(r, "create the programme").path("id").asText();
    }

    private static String customer(GatewayApi api, String runId, int i, String programme) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("kind", "CONSUMER");
        input.put("givenName", "Fault");
        input.put("familyName", "Harness " + i);
        input.put(
                "emails",
                List.of(Map.of("value", "faults." + runId + "." + i + "@rapport-faults.example", "primary", true)));
        input.put("timeZone", "UTC");
        GatewayApi.Reply created =
                api.sendRepeatable("POST", "/api/v1/customers", input, "faults-customer-" + runId + "-" + i, PATIENCE);
        String id = require(created, "create customer " + i).path("id").asText();
        GatewayApi.Reply enrolled = api.sendRepeatable(
                "POST",
                "/api/v1/loyalty/programmes/" + programme + "/members",
                Map.of("customerId", id),
                null,
                PATIENCE);
        if (!enrolled.ok() && enrolled.status() != 409) {
            require(enrolled, "enrol customer " + id);
        }
        // engagement learns the customer from customer.events: until then the level cannot be set (404)
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        GatewayApi.Reply level;
        do {
            level = api.sendRepeatable(
                    "PUT",
                    "/api/v1/engagement/customers/" + id + "/level",
                    Map.of("level", "REACTIVE", "reason", "fault harness: one follow-up per purchase"),
                    null,
                    PATIENCE);
            if (!level.ok()) {
                GatewayApi.sleep(250);
            }
        } while (!level.ok() && level.status() == 404 && System.nanoTime() < deadline);
        require(level, "set the engagement level of " + id);
        return id;
    }

    private static com.fasterxml.jackson.databind.JsonNode require(GatewayApi.Reply r, String what) {
        if (!r.ok()) {
            throw new IllegalStateException("cannot " + what + ": " + r.status() + " " + r.body());
        }
        return r.body();
    }
}
