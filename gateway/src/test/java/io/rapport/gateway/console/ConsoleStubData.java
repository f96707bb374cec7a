package io.rapport.gateway.console;

import io.rapport.gateway.support.StubUpstream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the stub services answer the console in the browser tests: two A/B/C and two MVC/MGC/BZ runs, a worksheet,
 * two open complaints, the agendas of rep "sam" (sales) like engagement serves them (another rep's agenda is refused
 * unless the caller is the manager "maria") with the contact pressure of their customers, two loyalty programmes
 * and one partner's settlement.
 */
final class ConsoleStubData implements StubUpstream.Canned {
    static final String CUSTOMER = "3f0c6f1e-9a52-4c3b-8d0a-2f7e5b1c9d44";
    static final String CONTACT = "11111111-2222-4333-8444-555555555555";
    static final String OTHER_CONTACT = "11111111-2222-4333-8444-666666666666";
    /** "subject POST path" of every action the engagement stub received. */
    final List<String> actions = new CopyOnWriteArrayList<>();
    /** "subject" of every contact-pressure batch read engagement received (one per agenda page). */
    final List<String> pressureReads = new CopyOnWriteArrayList<>();

    @Override
    public String[] answer(String service, String method, String path, String query, String subject) {
        String q = query == null ? "" : query;
        if (method.equals("POST") && path.startsWith("/api/v1/engagement/contacts/")) {
            actions.add(subject + " POST " + path);
            return ok("{\"id\":\"" + CONTACT + "\",\"state\":\"DONE\"}");
        }
        if (method.equals("POST") && path.equals("/api/v1/engagement/contact-pressure/batch")) {
            pressureReads.add(subject);
            return ok("{\"at\":\"" + Instant.now() + "\",\"items\":[{\"customerId\":\"" + CUSTOMER
                    + "\",\"level\":\"PARTNERSHIP\",\"timeZone\":\"Asia/Tokyo\",\"localTime\":\"21:30\","
                    + "\"quietHoursNow\":true,\"weekendNow\":false,\"caps\":[{\"cap\":\"1/PT72H\",\"channel\":null,"
                    + "\"max\":1,\"used\":1,\"planned\":0,\"reached\":true},{\"cap\":\"4/PT720H\",\"channel\":null,"
                    + "\"max\":4,\"used\":2,\"planned\":1,\"reached\":false}]}],\"unknown\":[],\"withheld\":[]}");
        }
        if (path.equals("/api/v1/segments/runs")) {
            return ok(
                    q.contains("scheme=ABC")
                            ? runs(
                                    "ABC",
                                    "{\"A\":20,\"B\":30,\"C\":50}",
                                    "{\"A\":18,\"B\":31,\"C\":51}",
                                    "[\"A\",\"B\",\"C\"]")
                            : runs(
                                    "VALUE",
                                    "{\"MVC\":10,\"MGC\":25,\"BZ\":5,\"OTHER\":60}",
                                    "{\"MVC\":12,\"MGC\":20,\"BZ\":6,\"OTHER\":62}",
                                    "[\"MVC\",\"MGC\",\"BZ\",\"OTHER\"]"));
        }
        if (path.startsWith("/api/v1/segments/worksheet/")) {
            boolean ascending = q.contains("asc");
            String a = row(CUSTOMER, "A", "MVC", "9000.00");
            String b = row("5b2e1c9d-0000-4000-8000-000000000002", "A", "MGC", "7000.00");
            return ok("{\"items\":[" + (ascending ? b + "," + a : a + "," + b)
                    + "],\"page\":0,\"size\":100,\"total\":2}");
        }
        if (path.equals("/api/v1/segments/levels")) {
            return ok(
                    "{\"scheme\":\"ABC\",\"classes\":[{\"label\":\"A\",\"customers\":20,\"shareOfCustomers\":\"20.0000\","
                            + "\"recommendedLevel\":\"PARTNERSHIP\"},{\"label\":\"C\",\"customers\":50,\"shareOfCustomers\":\"50.0000\","
                            + "\"recommendedLevel\":\"BASIC\"}]}");
        }
        if (path.equals("/api/v1/engagement/complaints")) {
            Instant now = Instant.now();
            return ok("{\"items\":[{\"id\":\"c1\",\"customerId\":\"" + CUSTOMER + "\",\"dueAt\":\""
                    + now.minus(2, ChronoUnit.HOURS)
                    + "\",\"escalated\":true},{\"id\":\"c2\",\"customerId\":\"" + CUSTOMER + "\",\"dueAt\":\""
                    + now.plus(3, ChronoUnit.DAYS) + "\",\"escalated\":false}],\"page\":0,\"size\":200,\"total\":2}");
        }
        if (path.equals("/api/v1/engagement/contacts/agenda")) {
            String assignee = q.replaceAll(".*assignee=([^&]*).*", "$1");
            if (!assignee.equals(subject) && !subject.equals("maria")) {
                return new String[] {"403", "{\"status\":403,\"title\":\"Forbidden\",\"detail\":\"not your agenda\"}"};
            }
            String contacts = assignee.equals("sam")
                    ? contact(CONTACT, "sam", Instant.now().minus(1, ChronoUnit.DAYS)) + ","
                            + contact(OTHER_CONTACT, "sam", Instant.now().plus(2, ChronoUnit.HOURS))
                    : "";
            return ok("{\"items\":[" + contacts + "],\"page\":0,\"size\":100,\"total\":" + (contacts.isEmpty() ? 0 : 2)
                    + "}");
        }
        if (path.equals("/api/v1/loyalty/programmes")) {
            return ok(
                    "{\"items\":[{\"id\":\"p1\",\"code\":\"CLUB\",\"name\":\"Rapport Club\",\"currency\":\"EUR\",\"pointsPerUnit\":\"1\","
                            + "\"tiers\":[{\"code\":\"SILVER\",\"name\":\"Silver\",\"rank\":1,\"threshold\":\"0\"},{\"code\":\"GOLD\","
                            + "\"name\":\"Gold\",\"rank\":2,\"threshold\":\"1000\"},{\"code\":\"PLATINUM\",\"name\":\"Platinum\",\"rank\":3,"
                            + "\"threshold\":\"5000\"}]}],\"page\":0,\"size\":20,\"total\":1}");
        }
        if (path.equals("/api/v1/loyalty/reports/points")) {
            return ok(pointsReport());
        }
        if (path.equals("/api/v1/loyalty/partners")) {
            return ok("[{\"id\":\"acme-travel\",\"name\":\"Acme Travel\"}]");
        }
        if (path.startsWith("/api/v1/loyalty/partners/") && path.endsWith("/settlement")) {
            return ok(
                    "{\"partnerId\":\"acme-travel\",\"partnerName\":\"Acme Travel\",\"earnTransactions\":12,"
                            + "\"pointsIssued\":3400,\"pointsBurned\":900,\"owedToPartner\":\"9.00\",\"owedByPartner\":\"34.00\"}");
        }
        if (path.startsWith("/api/v1/admin/") && path.endsWith("/dead-letters")) {
            return ok("{\"items\":[],\"page\":0,\"size\":1,\"total\":" + (path.contains("loyalty") ? 3 : 0) + "}");
        }
        if (path.equals("/api/v1/customers/" + CUSTOMER)) {
            return ok("{\"id\":\"" + CUSTOMER + "\",\"name\":\"Ada Example\",\"email\":\"ada@example.org\","
                    + "\"consent\":{\"email\":true,\"phone\":false}}");
        }
        return null;
    }

    /** Loyalty's points report: two programmes (three tiers and twelve months; two tiers and one month). */
    static String pointsReport() {
        StringBuilder months = new StringBuilder();
        java.time.YearMonth m = java.time.YearMonth.of(2026, 1);
        for (int i = 0; i < 12; i++, m = m.plusMonths(1)) {
            months.append(i == 0 ? "" : ",")
                    .append("{\"month\":\"")
                    .append(m)
                    .append("\",\"earned\":")
                    .append(60000 + 5000 * i)
                    .append(",\"redeemed\":")
                    .append(30000 + 2000 * i)
                    .append(",\"expired\":")
                    .append(i % 3 == 0 ? 4000 : 500)
                    .append(",\"reversed\":300,\"adjusted\":50}");
        }
        return "{\"asOf\":\"2026-12-05T21:00:00Z\",\"months\":12,\"programmes\":[{\"programmeId\":\"p1\","
                + "\"code\":\"CLUB\",\"name\":\"Rapport Club\",\"currency\":\"EUR\",\"activeMembers\":1212,"
                + "\"tiers\":[{\"code\":\"SILVER\",\"name\":\"Silver\",\"rank\":1,\"members\":1050},"
                + "{\"code\":\"GOLD\",\"name\":\"Gold\",\"rank\":2,\"members\":150},"
                + "{\"code\":\"PLATINUM\",\"name\":\"Platinum\",\"rank\":3,\"members\":12}],"
                + "\"outstandingPoints\":482000,\"expiringWithin90Days\":12500,\"pointsDebt\":300,"
                + "\"pointValue\":\"0.01\",\"liabilityValue\":\"4820.00\",\"months\":[" + months + "]},"
                + "{\"programmeId\":\"p2\",\"code\":\"MILES\",\"name\":\"Partner Miles\",\"currency\":\"EUR\","
                + "\"activeMembers\":340,\"tiers\":[{\"code\":\"BLUE\",\"name\":\"Blue\",\"rank\":1,\"members\":300},"
                + "{\"code\":\"RED\",\"name\":\"Red\",\"rank\":2,\"members\":40}],\"outstandingPoints\":91000,"
                + "\"expiringWithin90Days\":0,\"pointsDebt\":0,\"pointValue\":\"0.01\",\"liabilityValue\":\"910.00\","
                + "\"months\":[{\"month\":\"2026-12\",\"earned\":7700,\"redeemed\":1100,\"expired\":0,"
                + "\"reversed\":0,\"adjusted\":0}]}]}";
    }

    private static String[] ok(String json) {
        return new String[] {"200", json};
    }

    private static String runs(String scheme, String counts, String previous, String labels) {
        StringBuilder pareto = new StringBuilder();
        for (int k = 1; k <= 100; k++) {
            double share = 1 - Math.pow(1 - k / 100.0, 3);
            pareto.append(k == 1 ? "" : ",").append(String.format(java.util.Locale.ROOT, "%.4f", share));
        }
        return "{\"items\":[" + run(scheme, counts, labels, pareto.toString(), "2026-12-05T02:30:00Z") + ","
                + run(scheme, previous, labels, pareto.toString(), "2026-11-05T02:30:00Z")
                + "],\"page\":0,\"size\":2,\"total\":2}";
    }

    private static String run(String scheme, String counts, String labels, String pareto, String at) {
        return "{\"runId\":\"r-" + at + "\",\"scheme\":\"" + scheme + "\",\"policyVersion\":2,\"completedAt\":\"" + at
                + "\",\"customers\":100,\"concentration\":0.488,\"counts\":" + counts + ",\"classes\":["
                + "{\"label\":\"A\",\"customers\":20,\"revenue\":60000.00,\"recommendedLevel\":\"PARTNERSHIP\"},"
                + "{\"label\":\"B\",\"customers\":30,\"revenue\":25000.50,\"recommendedLevel\":\"ACCOUNTABLE\"}],\"pareto\":["
                + pareto + "]}";
    }

    private static String row(String id, String abc, String value, String revenue) {
        return "{\"customerId\":\"" + id + "\",\"abcClass\":\"" + abc + "\",\"valueClass\":\"" + value
                + "\",\"netRevenue\":\""
                + revenue
                + "\",\"grossMargin\":\"100.00\",\"costToServe\":\"0.00\",\"profit\":\"100.00\",\"purchases\":3,"
                + "\"complaints\":0,\"wallet\":null,\"shareOfWallet\":null,\"potential\":null,\"previousRevenue\":\"0.00\","
                + "\"change\":\"=1+1\"}";
    }

    private static String contact(String id, String assignee, Instant due) {
        return "{\"id\":\"" + id + "\",\"customerId\":\"" + CUSTOMER
                + "\",\"channel\":\"PHONE\",\"purpose\":\"FOLLOW_UP\","
                + "\"state\":\"PLANNED\",\"dueAt\":\"" + due.truncatedTo(ChronoUnit.SECONDS) + "\",\"assigneeId\":\""
                + assignee
                + "\",\"customerValue\":9000.00,\"version\":3}";
    }
}
