package io.rapport.bench.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.bench.token.DevKeys;
import io.rapport.bench.token.DevTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code ./crm demo}: loads a realistic dataset through the gateway, runs a classification and prints a summary.
 * Everything goes through public endpoints with an admin dev token (the gateway must run in the dev profile).
 * Idempotent: customers carry fixed Idempotency-Keys and e-mails, orders fixed order ids, costs and refunds
 * fixed keys, the club and the partner are looked up before they are created, and complaints are only opened
 * for customers who have none. A step whose endpoint is missing or whose service is down is reported and skipped.
 *
 * <p>Arguments: {@code --gateway http://localhost:8080 --customers 2000 --threads 8 --seed 42}, and for the webhook
 * step {@code --webhook-receiver http://127.0.0.1:8099/ --webhooks-dir .rapport/webhooks --webhook-wait 60} (the
 * receiver {@code ./crm demo} starts; without {@code --webhook-receiver} the step is skipped).
 */
public final class DemoMain {
    private static final String CLUB_CODE = "RAPPORT_CLUB";
    private static final String PARTNER_NAME = "Acme Travel";
    private final java.util.concurrent.atomic.AtomicReference<JsonNode> partnerMember =
            new java.util.concurrent.atomic.AtomicReference<>();

    private final DemoClient api;
    private final DemoData data;
    private final int customers;
    private final int threads;
    private final String[] ids;
    private final Map<Integer, String> referralCodes = new ConcurrentHashMap<>();
    private volatile String programmeId;
    private volatile String partnerId;

    private DemoMain(DemoClient api, DemoData data, int customers, int threads) {
        this.api = api;
        this.data = data;
        this.customers = customers;
        this.threads = threads;
        this.ids = new String[customers];
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String gateway = opts.getOrDefault("gateway", "http://localhost:8080");
        int customers = Integer.parseInt(opts.getOrDefault("customers", "2000"));
        int threads = Integer.parseInt(opts.getOrDefault("threads", "8"));
        long seed = Long.parseLong(opts.getOrDefault("seed", "42"));
        String token = DevTokens.sign(DevKeys.privateKey(), "demo-loader", List.of("admin"), Duration.ofHours(2));
        DemoMain demo =
                new DemoMain(new DemoClient(gateway, token), new DemoData(seed, Instant.now()), customers, threads);
        System.out.printf("Rapport demo: %d customers through %s%n", customers, gateway);
        boolean loaded = demo.load();
        demo.classifyAndSummarise();
        DemoMail.show(demo.api, demo.data, demo.ids);
        if (opts.containsKey("webhook-receiver")) {
            java.nio.file.Path dir = opts.containsKey("webhooks-dir")
                    ? java.nio.file.Path.of(opts.get("webhooks-dir"))
                    : io.rapport.devstack.ProjectDirs.rapportDir().resolve("webhooks");
            new DemoWebhooks(
                            demo.api,
                            opts.get("webhook-receiver"),
                            dir,
                            Duration.ofSeconds(Long.parseLong(opts.getOrDefault("webhook-wait", "60"))))
                    .show(demo.partnerId, PARTNER_NAME, demo.programmeId, demo.partnerMember.get());
        }
        demo.reportFailures();
        System.exit(loaded ? 0 : 1);
    }

    private boolean load() throws InterruptedException {
        Step created = new Step("customers").run(customers, threads, this::createCustomer);
        if (created.done.get() == 0) {
            System.out.println("  no customer could be created: nothing else to load");
            return false;
        }
        new Step("consents").run(customers, threads, this::recordConsents);
        String programme = club();
        programmeId = programme;
        if (programme != null) {
            new Step("club memberships").runItems(customers, threads, i -> enrol(programme, i));
            new Step("referrals").run(Math.min(30, customers / 10), threads, this::refer);
            partner(programme);
        }
        new Step("purchases and refunds").run(customers, threads, this::recordPurchases);
        new Step("costs to serve").run(customers, threads, this::recordCosts);
        new Step("complaints").run(customers, threads, this::openComplaints);
        return true;
    }

    private boolean createCustomer(int i) {
        DemoData.Customer c = data.customer(i);
        DemoClient.Reply r = api.post("create customer", "/api/v1/customers", c.input(), "demo-customer-" + i);
        if (r.ok()) {
            ids[i] = r.body().path("id").asText();
            return true;
        }
        if (r.status() == 409 && r.body().path("context").has("existingCustomerId")) {
            ids[i] = r.body().path("context").path("existingCustomerId").asText();
            return true;
        }
        if (r.status() == 409) {
            api.tally(
                    "create customer", "409 unresolved", r.body().path("detail").asText());
        }
        return false;
    }

    private boolean recordConsents(int i) {
        if (ids[i] == null) {
            return false;
        }
        DemoData.Customer c = data.customer(i);
        boolean ok = true;
        for (Map.Entry<String, Boolean> consent : data.consents(c).entrySet()) {
            ok &= api.put(
                            "consent",
                            "/api/v1/customers/" + ids[i] + "/consents/" + consent.getKey(),
                            Map.of(
                                    "granted",
                                    consent.getValue(),
                                    "source",
                                    "demo import",
                                    "occurredAt",
                                    data.consentTime(c).toString()))
                    .ok();
        }
        return ok;
    }

    private boolean recordPurchases(int i) {
        if (ids[i] == null) {
            return false;
        }
        boolean ok = true;
        for (DemoData.Purchase p : data.purchases(data.customer(i))) {
            DemoClient.Reply r =
                    api.postIdempotent("record purchase", "/api/v1/customers/" + ids[i] + "/purchases", p.input());
            ok &= r.ok();
            if (r.ok() && p.refunded()) {
                DemoClient.Reply refund = api.post(
                        "refund purchase",
                        "/api/v1/customers/" + ids[i] + "/purchases/"
                                + r.body().path("id").asText() + "/refunds",
                        Map.of("wholeOrder", true, "reason", "demo: damaged"),
                        "demo-refund-" + p.orderId());
                // 422: a second run finds the order already refunded in full
                ok &= refund.ok() || refund.status() == 422;
            }
        }
        return ok;
    }

    private boolean recordCosts(int i) {
        if (ids[i] == null) {
            return false;
        }
        boolean ok = true;
        for (DemoData.Cost cost : data.costs(data.customer(i))) {
            ok &= api.post("record cost", "/api/v1/customers/" + ids[i] + "/costs", cost.input(), cost.key())
                    .ok();
        }
        return ok;
    }

    private boolean openComplaints(int i) {
        if (ids[i] == null) {
            return false;
        }
        List<Map<String, Object>> complaints = data.complaints(data.customer(i), ids[i]);
        if (complaints.isEmpty()) {
            return true;
        }
        DemoClient.Reply existing =
                api.get("list complaints", "/api/v1/engagement/customers/" + ids[i] + "/complaints?size=1");
        if (!existing.ok()) {
            return false;
        }
        if (existing.body().path("total").asLong() > 0) {
            return true;
        }
        boolean ok = true;
        for (Map<String, Object> complaint : complaints) {
            ok &= api.post("open complaint", "/api/v1/engagement/complaints", complaint, null)
                    .ok();
        }
        return ok;
    }

    /** The club with its tiers: found by code, created when absent. */
    private String club() {
        DemoClient.Reply list = api.get("find club", "/api/v1/loyalty/programmes?size=200");
        if (list.ok()) {
            for (JsonNode p : list.body().path("items")) {
                if (CLUB_CODE.equals(p.path("code").asText())) {
                    System.out.println(
                            "  club " + CLUB_CODE + " exists: " + p.path("id").asText());
                    return p.path("id").asText();
                }
            }
        }
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("pointsPerUnit", "1");
        rules.put("qualificationBasis", "POINTS_EARNED");
        rules.put("qualificationMonths", 12);
        rules.put("expiryMonths", 24);
        rules.put("expiryWarningDays", 30);
        rules.put("referrerPoints", 500);
        rules.put("newcomerPoints", 250);
        rules.put("autoEnrol", Map.of("scheme", "ABC", "classLabel", "A"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", CLUB_CODE);
        body.put("name", "Rapport Club");
        body.put("currency", "EUR");
        body.put("rules", rules);
        body.put(
                "tiers",
                List.of(
                        Map.of("code", "MEMBER", "name", "Member", "threshold", "0", "multiplier", "1"),
                        Map.of("code", "SILVER", "name", "Silver", "threshold", "1000", "multiplier", "1.25"),
                        Map.of(
                                "code",
                                "GOLD",
                                "name",
                                "Gold",
                                "threshold",
                                "5000",
                                "multiplier",
                                "1.5",
                                "segmentClasses",
                                List.of("ABC:A", "VALUE:MVC"))));
        body.put("bonuses", List.of(Map.of("name", "Kitchen week", "category", "kitchen", "multiplier", "2")));
        DemoClient.Reply created = api.post("create club", "/api/v1/loyalty/programmes", body, "demo-club");
        if (!created.ok()) {
            System.out.println("  the club could not be created (" + created.status() + "): loyalty steps skipped");
            return null;
        }
        System.out.println(
                "  club " + CLUB_CODE + " created: " + created.body().path("id").asText());
        return created.body().path("id").asText();
    }

    /** Consumers and purchasers join the club, except the last ones, who arrive later as referred newcomers. */
    private Step.Outcome enrol(String programme, int i) {
        DemoData.Customer c = data.customer(i);
        boolean person = c.kind().equals("CONSUMER") || c.kind().equals("PURCHASER");
        if (ids[i] == null) {
            return Step.Outcome.FAILED; // its creation failed (counted there)
        }
        if (!person || i % 5 >= 2 || i >= customers - 30) {
            return Step.Outcome.SKIPPED; // does not join the club (the demo's own choice)
        }
        DemoClient.Reply r = api.post(
                "enrol member",
                "/api/v1/loyalty/programmes/" + programme + "/members",
                Map.of("customerId", ids[i]),
                null);
        if (r.ok()) {
            referralCodes.put(i, r.body().path("referralCode").asText());
            partnerMember.compareAndSet(null, r.body());
        }
        return r.ok() || r.status() == 409 ? Step.Outcome.DONE : Step.Outcome.FAILED;
    }

    /** The newest customers were referred by early members (a second run finds the referrals made). */
    private boolean refer(int k) {
        int newcomer = customers - 1 - k;
        List<Integer> referrers = new ArrayList<>(new TreeMap<>(referralCodes).keySet());
        if (referrers.isEmpty() || ids[newcomer] == null) {
            return true;
        }
        String code = referralCodes.get(referrers.get(k % referrers.size()));
        DemoClient.Reply r = api.post(
                "refer newcomer",
                "/api/v1/loyalty/referrals",
                Map.of("referralCode", code, "customerId", ids[newcomer]),
                null);
        return r.ok() || r.status() == 409 || r.status() == 422;
    }

    private void partner(String programme) {
        DemoClient.Reply list = api.get("find partner", "/api/v1/loyalty/partners");
        String id = null;
        if (list.ok()) {
            for (JsonNode p : list.body()) {
                if (PARTNER_NAME.equals(p.path("name").asText())) {
                    id = p.path("id").asText();
                }
            }
        }
        if (id == null) {
            DemoClient.Reply created = api.post(
                    "create partner",
                    "/api/v1/loyalty/partners",
                    Map.of("name", PARTNER_NAME, "programmeId", programme, "pointValue", "0.01"),
                    null);
            id = created.ok() ? created.body().path("id").asText() : null;
        }
        partnerId = id;
        if (id != null) {
            System.out.println(
                    "  partner " + PARTNER_NAME + ": " + id + " (dev key 'dev-partner-key-acme' acts for it when"
                            + " the gateway runs with RAPPORT_DEV_PARTNER_ID=" + id + ")");
            partnerRedemption(id);
        }
    }

    /**
     * The partner flow on one member: the member links the partner (consent) and gets a one-time code, which the partner
     * sends with the member number to /api/v1/loyalty/partner/burn (README, "Partner redemption").
     */
    private void partnerRedemption(String partnerId) {
        JsonNode member = partnerMember.get();
        if (member == null) {
            return;
        }
        String path = "/api/v1/loyalty/members/" + member.path("id").asText();
        DemoClient.Reply link = api.post(
                "link partner", path + "/partner-links", Map.of("partnerId", partnerId, "source", "STORE"), null);
        if (!link.ok()) {
            return;
        }
        DemoClient.Reply code = api.post(
                "redemption code", path + "/redemption-codes", Map.of("partnerId", partnerId, "maxPoints", 100), null);
        if (code.ok()) {
            System.out.println(
                    "  member " + member.path("memberNumber").asText() + " linked " + PARTNER_NAME + "; one-time code "
                            + code.body().path("code").asText() + " (up to 100 points, until "
                            + code.body().path("expiresAt").asText()
                            + ") for POST /api/v1/loyalty/partner/burn {memberNumber, code, points, reference} with the partner's key");
        }
    }

    private void classifyAndSummarise() throws InterruptedException {
        Settle.Backlog backlog = Settle.ofLocalStack();
        Settle.await("after loading", backlog, this::memberCount, Duration.ofMinutes(5));
        System.out.println("Classification (waits for the purchase events to reach segmentation)");
        int expected = (int)
                java.util.Arrays.stream(ids).filter(java.util.Objects::nonNull).count();
        JsonNode runs = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            DemoClient.Reply r = api.post("classification run", "/api/v1/segments/runs", Map.of(), null);
            if (!r.ok() && r.status() != 409) {
                System.out.println("  classification failed: HTTP " + r.status() + " "
                        + r.body().path("detail").asText());
                break;
            }
            if (r.ok()) {
                runs = r.body().path("runs");
                long seen = runs.path(0).path("customers").asLong();
                if (seen >= expected * 0.95) {
                    break;
                }
                System.out.printf("  segmentation knows %d of %d customers so far; waiting%n", seen, expected);
            }
            Thread.sleep(5_000); // a demo waiting for Kafka to deliver, not a test
        }
        // the classification's events (classes, levels) still move tiers, enrolments and follow-ups: report after them
        Settle.await("after the classification", backlog, this::memberCount, Duration.ofMinutes(5));
        System.out.println("Summary (as the API reports it now)");
        if (runs != null) {
            for (JsonNode run : runs) {
                System.out.printf(
                        "  %-6s %5d customers  classes %s  concentration (top 20%% share) %s%n",
                        run.path("scheme").asText(),
                        run.path("customers").asLong(),
                        run.path("counts"),
                        percent(run.path("concentration")));
            }
        }
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        long due = 0;
        boolean known = true;
        for (int rep = 0; rep < DemoData.REPS; rep++) {
            DemoClient.Reply agenda = api.get(
                    "due contacts",
                    "/api/v1/engagement/contacts/agenda?assignee=" + DemoData.owner(rep) + "&date=" + today
                            + "&size=1");
            known &= agenda.ok();
            due += agenda.body().path("total").asLong();
        }
        System.out.println("  contacts due today (agendas of the " + DemoData.REPS + " account managers): "
                + (known ? String.valueOf(due) : "unknown"));
        membersPerTier();
    }

    private void membersPerTier() {
        DemoClient.Reply list = api.get("find club", "/api/v1/loyalty/programmes?size=200");
        String programme = null;
        for (JsonNode p : list.body().path("items")) {
            if (CLUB_CODE.equals(p.path("code").asText())) {
                programme = p.path("id").asText();
            }
        }
        if (programme == null) {
            System.out.println("  members per tier: no club");
            return;
        }
        Map<String, Integer> tiers = new TreeMap<>();
        long total = -1;
        for (int page = 0; page < 1_000; page++) {
            DemoClient.Reply r = api.get(
                    "list members", "/api/v1/loyalty/programmes/" + programme + "/members?size=200&page=" + page);
            if (!r.ok() || r.body().path("items").isEmpty()) {
                break;
            }
            total = r.body().path("total").asLong(-1);
            r.body().path("items").forEach(m -> tiers.merge(m.path("tier").asText("?"), 1, Integer::sum));
        }
        int listed = tiers.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("  club members: " + (total >= 0 ? total : listed) + " (enrolled by the demo, referred or"
                + " enrolled automatically by the club's rules); per tier: " + tiers);
    }

    /** Members of the club as the API counts them (-1 when unknown): the settle check's fallback figure. */
    private long memberCount() {
        DemoClient.Reply list = api.get("find club", "/api/v1/loyalty/programmes?size=200");
        for (JsonNode p : list.body().path("items")) {
            if (CLUB_CODE.equals(p.path("code").asText())) {
                DemoClient.Reply r = api.get(
                        "count members",
                        "/api/v1/loyalty/programmes/" + p.path("id").asText() + "/members?size=1");
                return r.ok() ? r.body().path("total").asLong(-1) : -1;
            }
        }
        return -1;
    }

    private void reportFailures() {
        Map<String, Long> retries = api.retryReport();
        if (!retries.isEmpty()) {
            System.out.println("Idempotent calls repeated after a server error (step after status: count):");
            retries.forEach((k, v) -> System.out.println("  " + k + ": " + v));
        }
        Map<String, String> failures = api.failureReport();
        if (failures.isEmpty()) {
            System.out.println("Every call succeeded.");
            return;
        }
        System.out.println("Calls that did not succeed (step -> status: count, sample):");
        failures.forEach((k, v) -> System.out.println("  " + k + ": " + v));
    }

    private static String percent(JsonNode share) {
        return share.isNumber() || share.isTextual() && !share.asText().isEmpty()
                ? String.format("%.1f %%", 100 * share.asDouble())
                : "n/a";
    }
}
