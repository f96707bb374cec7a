package io.rapport.bench.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo's data, generated from a seed so every run produces the same customers, orders and costs (same
 * e-mails, order ids and idempotency keys: a second run changes nothing). Annual spend follows a Pareto
 * distribution ({@link #PARETO_SHAPE}) so that about 20% of customers bring about 80% of revenue.
 */
final class DemoData {
    static final String[] KINDS = {"CONSUMER", "PURCHASER", "ENTERPRISE", "INTERMEDIARY", "CHANNEL_PARTNER"};
    private static final double[] KIND_SHARE = {0.55, 0.20, 0.12, 0.08, 0.05};
    private static final String[] GIVEN = {
        "Ada", "Bruno", "Chloe", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kwame", "Lena", "Mateo",
        "Nadia", "Oscar", "Priya", "Quentin", "Rosa", "Sven", "Tala"
    };
    private static final String[] FAMILY = {
        "Martin",
        "Okafor",
        "Schmidt",
        "Rossi",
        "Nguyen",
        "Silva",
        "Kowalski",
        "Haddad",
        "Tanaka",
        "Dubois",
        "Larsen",
        "Moreau",
        "Garcia",
        "Novak",
        "Khan",
        "Ibrahim"
    };
    private static final String[] COMPANY = {
        "Atlas",
        "Borealis",
        "Cobalt",
        "Delta",
        "Ember",
        "Fjord",
        "Granite",
        "Helix",
        "Iris",
        "Juniper",
        "Keystone",
        "Lumen"
    };
    private static final String[] ZONES = {
        "Europe/Paris", "Europe/London", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney"
    };
    private static final String[] COUNTRIES = {"FR", "GB", "DE", "US", "JP", "AU"};
    /** Pareto shape of annual spend: 1.16 gives 80:20 for an infinite population; 2,000 capped draws need about 1.05. */
    static final double PARETO_SHAPE = 1.05;

    static final int REPS = 6;
    static final String[] CATEGORIES = {"kitchen", "laundry", "climate", "tv", "phones", "bedding", "service-plans"};
    private static final String[] COST_TYPES = {"SERVICE_CALL", "RETURN_HANDLING", "SALES_VISIT", "DISCOUNT", "SHIPPING"
    };
    private static final String[] COMPLAINT_CATEGORIES = {"delivery", "product-quality", "billing", "installation"};
    private static final String[] SEVERITIES = {"LOW", "MEDIUM", "HIGH", "CRITICAL"};

    record Customer(int index, String kind, Map<String, Object> input, double annualSpend, boolean hasWallet) {
        String email() {
            return "demo.customer." + index + "@rapport-demo.example";
        }
    }

    record Purchase(String orderId, Map<String, Object> input, boolean refunded) {}

    record Cost(String key, Map<String, Object> input) {}

    private final long seed;
    private final Instant anchor;

    /** {@code anchor}: the end of the two years of history (today, at midnight UTC). */
    DemoData(long seed, Instant anchor) {
        this.seed = seed;
        this.anchor = anchor.truncatedTo(ChronoUnit.DAYS);
    }

    /** One generator per customer and purpose, seeded through SplitMix64 so that neighbouring seeds do not correlate. */
    private Random random(int index, int salt) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + salt * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }

    /** The account manager of customer {@code index}: one of {@link #REPS}. */
    static String owner(int index) {
        return "rep-" + (1 + index % REPS);
    }

    Customer customer(int i) {
        Random r = random(i, 1);
        String kind = pick(r, KINDS, KIND_SHARE);
        double spend = Math.min(250_000, 60 / Math.pow(1 - r.nextDouble(), 1 / PARETO_SHAPE));
        if (!kind.equals("CONSUMER") && !kind.equals("PURCHASER")) {
            spend *= 3; // organisations buy more
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("kind", kind);
        boolean organisation = !kind.equals("CONSUMER") && !kind.equals("PURCHASER");
        String given = GIVEN[r.nextInt(GIVEN.length)];
        String family = FAMILY[r.nextInt(FAMILY.length)];
        input.put("givenName", given);
        input.put("familyName", family);
        if (organisation) {
            input.put(
                    "organisation",
                    Map.of(
                            "companyName",
                            COMPANY[r.nextInt(COMPANY.length)] + " " + kind.charAt(0)
                                    + kind.substring(1).toLowerCase().replace('_', ' ') + " " + i,
                            "industry",
                            "retail",
                            "size",
                            "50-249"));
        }
        input.put("emails", List.of(Map.of("value", "demo.customer." + i + "@rapport-demo.example", "primary", true)));
        int zone = r.nextInt(ZONES.length);
        input.put(
                "address",
                Map.of(
                        "line1",
                        (1 + r.nextInt(200)) + " Demo Street",
                        "city",
                        "Demo City",
                        "postalCode",
                        String.valueOf(10000 + i),
                        "country",
                        COUNTRIES[zone]));
        input.put("timeZone", ZONES[zone]);
        input.put("locale", "en-GB");
        input.put("ownerId", owner(i));
        input.put("acquisitionSource", r.nextBoolean() ? "web" : "store");
        input.put("channelPreference", r.nextBoolean() ? List.of("EMAIL", "SMS") : List.of("EMAIL"));
        input.put("tags", List.of("demo"));
        boolean wallet = r.nextDouble() < 0.6;
        if (wallet) {
            double share = 0.15 + r.nextDouble() * 0.85;
            input.put("wallet", Map.of("amount", money(spend / share), "currency", "EUR", "estimatedBy", "demo"));
        }
        input.put("externalIds", List.of(Map.of("system", "demo", "id", "D-" + i)));
        return new Customer(i, kind, input, spend, wallet);
    }

    /** Orders over the two years before the anchor; about 4% are refunded. */
    List<Purchase> purchases(Customer c) {
        Random r = random(c.index(), 2);
        double twoYears = c.annualSpend() * 2;
        int count = (int) Math.max(
                1, Math.min(30, Math.round(1 + 2 * Math.log(c.annualSpend() / 60) / Math.log(2)) + r.nextInt(3)));
        int categories =
                1 + (int) Math.min(CATEGORIES.length - 1, Math.round(Math.log10(c.annualSpend()) - 1 + r.nextInt(2)));
        List<Purchase> purchases = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double amount = twoYears / count * (0.5 + r.nextDouble());
            Instant at = anchor.minus(Duration.ofMinutes(1 + r.nextInt(730 * 24 * 60)));
            int lines = 1 + r.nextInt(3);
            List<Map<String, Object>> lineList = new ArrayList<>();
            for (int l = 0; l < lines; l++) {
                String category = CATEGORIES[r.nextInt(Math.max(1, categories))];
                int quantity = 1 + r.nextInt(3);
                double unit = Math.max(1, amount / lines / quantity);
                lineList.add(Map.of(
                        "sku",
                        category.toUpperCase() + "-" + (100 + r.nextInt(40)),
                        "category",
                        category,
                        "quantity",
                        quantity,
                        "unitPrice",
                        money(unit),
                        "unitCost",
                        money(unit * (0.55 + 0.2 * r.nextDouble()))));
            }
            String orderId = "DEMO-" + c.index() + "-" + k;
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("sourceSystem", "demo");
            input.put("orderId", orderId);
            input.put("occurredAt", at.toString());
            input.put("currency", "EUR");
            input.put("channel", r.nextBoolean() ? "web" : "store");
            input.put("lines", lineList);
            purchases.add(new Purchase(orderId, input, r.nextDouble() < 0.04));
        }
        return purchases;
    }

    /** Cost-to-serve items: most customers none, some a few, a few many (they become "below zero"). */
    List<Cost> costs(Customer c) {
        Random r = random(c.index(), 3);
        double p = r.nextDouble();
        int count = p < 0.80 ? 0 : p < 0.97 ? 1 + r.nextInt(3) : 8 + r.nextInt(8);
        List<Cost> costs = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Instant at = anchor.minus(Duration.ofHours(1 + r.nextInt(365 * 24)));
            costs.add(new Cost(
                    "demo-cost-" + c.index() + "-" + k,
                    Map.of(
                            "type",
                            COST_TYPES[r.nextInt(COST_TYPES.length)],
                            "amount",
                            money(20 + r.nextDouble() * (count > 5 ? 400 : 80)),
                            "currency",
                            "EUR",
                            "occurredAt",
                            at.toString(),
                            "note",
                            "demo")));
        }
        return costs;
    }

    /** About 6% of customers complain once, a few of them more often. */
    List<Map<String, Object>> complaints(Customer c, String customerId) {
        Random r = random(c.index(), 4);
        double p = r.nextDouble();
        int count = p < 0.94 ? 0 : p < 0.99 ? 1 : 3;
        List<Map<String, Object>> list = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            list.add(Map.of(
                    "customerId",
                    customerId,
                    "channel",
                    r.nextBoolean() ? "PHONE" : "EMAIL",
                    "category",
                    COMPLAINT_CATEGORIES[r.nextInt(COMPLAINT_CATEGORIES.length)],
                    "severity",
                    SEVERITIES[r.nextInt(SEVERITIES.length)],
                    "description",
                    "demo complaint " + k));
        }
        return list;
    }

    /** Consent decisions per channel (e-mail for most, SMS for some). */
    Map<String, Boolean> consents(Customer c) {
        Random r = random(c.index(), 5);
        Map<String, Boolean> consents = new LinkedHashMap<>();
        consents.put("EMAIL", r.nextDouble() < 0.85);
        if (r.nextDouble() < 0.4) {
            consents.put("SMS", r.nextBoolean());
        }
        return consents;
    }

    Instant consentTime(Customer c) {
        return anchor.minus(Duration.ofDays(700 - c.index() % 600));
    }

    private static String pick(Random r, String[] values, double[] shares) {
        double x = r.nextDouble();
        for (int i = 0; i < values.length; i++) {
            x -= shares[i];
            if (x < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    static String money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
