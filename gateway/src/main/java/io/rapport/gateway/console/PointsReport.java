package io.rapport.gateway.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.gateway.console.ConsoleClient.Answer;
import io.rapport.gateway.console.Views.Cell;
import io.rapport.gateway.console.Views.Column;
import io.rapport.gateway.console.Views.Fact;
import io.rapport.gateway.console.Views.Part;
import io.rapport.gateway.console.Views.Row;
import io.rapport.gateway.console.Views.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's reading of loyalty's points report ({@code GET /api/v1/loyalty/reports/points}): members per tier,
 * points liability and points earned, redeemed and expired per month, as parts and as the charts' data.
 */
final class PointsReport {
    static final String PATH = "/api/v1/loyalty/reports/points?months=12";

    private PointsReport() {}

    /** Overview: outstanding points and their value per programme. */
    static Part liability(Answer answer) {
        String title = "Points liability";
        if (!answer.ok()) {
            return ConsoleResource.unavailable(title, answer);
        }
        JsonNode programmes = answer.body().path("programmes");
        if (programmes.size() == 0) {
            return new Part(title, "EMPTY", "no loyalty programme yet", List.of(), List.of());
        }
        List<Fact> facts = new ArrayList<>();
        boolean several = programmes.size() > 1;
        for (JsonNode p : programmes) {
            String prefix = several ? p.path("name").asText() + ": " : "";
            facts.add(new Fact(
                    prefix + "Outstanding points", p.path("outstandingPoints").asText(), null));
            facts.add(new Fact(
                    prefix + "Worth",
                    p.path("liabilityValue").asText() + " " + p.path("currency").asText(),
                    null));
            long expiring = p.path("expiringWithin90Days").asLong();
            facts.add(new Fact(
                    prefix + "Expiring within 90 days", Long.toString(expiring), expiring > 0 ? "warn" : "ok"));
            facts.add(
                    new Fact(prefix + "Active members", p.path("activeMembers").asText(), null));
        }
        return new Part(title, "OK", null, facts, List.of());
    }

    /** Loyalty page: one part per programme with its liability, tiers and months. */
    static List<Part> programmes(Answer answer) {
        String title = "Members and points";
        if (!answer.ok()) {
            return List.of(ConsoleResource.unavailable(title, answer));
        }
        List<Part> parts = new ArrayList<>();
        for (JsonNode p : answer.body().path("programmes")) {
            List<Fact> facts = List.of(
                    new Fact("Active members", p.path("activeMembers").asText(), null),
                    new Fact("Outstanding points", p.path("outstandingPoints").asText(), null),
                    new Fact(
                            "Worth",
                            p.path("liabilityValue").asText() + " "
                                    + p.path("currency").asText() + " (at "
                                    + p.path("pointValue").asText() + " a point)",
                            null),
                    new Fact(
                            "Expiring within 90 days",
                            p.path("expiringWithin90Days").asText(),
                            null),
                    new Fact("Points owed by members", p.path("pointsDebt").asText(), null));
            List<Row> tiers = new ArrayList<>();
            for (JsonNode t : p.path("tiers")) {
                tiers.add(new Row(List.of(
                        Cell.of(t.path("name").asText()),
                        Cell.of(t.path("members").asText()))));
            }
            List<Row> months = new ArrayList<>();
            for (JsonNode m : p.path("months")) {
                months.add(new Row(List.of(
                        Cell.of(m.path("month").asText()),
                        Cell.of(m.path("earned").asText()),
                        Cell.of(m.path("redeemed").asText()),
                        Cell.of(m.path("expired").asText()),
                        Cell.of(m.path("reversed").asText()),
                        Cell.of(m.path("adjusted").asText()))));
            }
            parts.add(new Part(
                    "Members and points: " + p.path("name").asText(),
                    "OK",
                    null,
                    facts,
                    List.of(
                            new Table(
                                    null,
                                    "Active members per tier (lowest first)",
                                    List.of(Column.of("Tier"), Column.of("Members")),
                                    tiers,
                                    "no tiers",
                                    null),
                            new Table(
                                    null,
                                    "Points per month (UTC)",
                                    List.of(
                                            Column.of("Month"),
                                            Column.of("Earned"),
                                            Column.of("Redeemed"),
                                            Column.of("Expired"),
                                            Column.of("Reversed"),
                                            Column.of("Adjusted")),
                                    months,
                                    "no months",
                                    null))));
        }
        if (parts.isEmpty()) {
            parts.add(new Part(title, "EMPTY", "no loyalty programme yet", List.of(), List.of()));
        }
        return parts;
    }

    /** A programme of the report, for the Loyalty page's selector. */
    @io.quarkus.qute.TemplateData
    public record Choice(String id, String name, boolean selected) {}

    /** Every programme of the report, {@code selected} marking the one the charts show ({@link #chosen}). */
    static List<Choice> choices(Answer answer, String programmeId) {
        JsonNode chosen = chosen(answer, programmeId);
        List<Choice> out = new ArrayList<>();
        if (chosen == null) {
            return out;
        }
        for (JsonNode p : answer.body().path("programmes")) {
            String id = p.path("programmeId").asText();
            out.add(new Choice(
                    id,
                    p.path("name").asText(),
                    id.equals(chosen.path("programmeId").asText())));
        }
        return out;
    }

    /** The programme with {@code programmeId}, else the first one; null without a report. */
    static JsonNode chosen(Answer answer, String programmeId) {
        JsonNode first = first(answer);
        if (first == null || programmeId == null) {
            return first;
        }
        for (JsonNode p : answer.body().path("programmes")) {
            if (p.path("programmeId").asText().equals(programmeId)) {
                return p;
            }
        }
        return first;
    }

    /** Members per tier of the first programme, for the bar chart; null without a report. */
    static String tierChart(Answer answer, ObjectMapper json) {
        return tierChart(answer, null, json);
    }

    /** Members per tier of the chosen programme ({@link #chosen}), for the bar chart; null without a report. */
    static String tierChart(Answer answer, String programmeId, ObjectMapper json) {
        JsonNode first = chosen(answer, programmeId);
        if (first == null) {
            return null;
        }
        List<Map<String, Object>> tiers = new ArrayList<>();
        for (JsonNode t : first.path("tiers")) {
            tiers.add(Map.<String, Object>of(
                    "name",
                    t.path("name").asText(),
                    "members",
                    t.path("members").asLong()));
        }
        return write(
                json, Map.<String, Object>of("programme", first.path("name").asText(), "tiers", tiers));
    }

    /** Earned, redeemed and expired per month of the first programme, for the chart; null without a report. */
    static String monthsChart(Answer answer, ObjectMapper json) {
        return monthsChart(answer, null, json);
    }

    /** Earned, redeemed and expired per month of the chosen programme, for the chart; null without a report. */
    static String monthsChart(Answer answer, String programmeId, ObjectMapper json) {
        JsonNode first = chosen(answer, programmeId);
        if (first == null) {
            return null;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        List<String> months = new ArrayList<>();
        List<Long> earned = new ArrayList<>();
        List<Long> redeemed = new ArrayList<>();
        List<Long> expired = new ArrayList<>();
        for (JsonNode m : first.path("months")) {
            months.add(m.path("month").asText());
            earned.add(m.path("earned").asLong());
            redeemed.add(m.path("redeemed").asLong());
            expired.add(m.path("expired").asLong());
        }
        data.put("programme", first.path("name").asText());
        data.put("months", months);
        data.put("earned", earned);
        data.put("redeemed", redeemed);
        data.put("expired", expired);
        return write(json, data);
    }

    /** Outstanding points per programme split into expiring within 90 days and later, for the Overview's chart. */
    static String liabilityChart(Answer answer, ObjectMapper json) {
        if (!answer.ok() || answer.body().path("programmes").size() == 0) {
            return null;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode p : answer.body().path("programmes")) {
            long outstanding = p.path("outstandingPoints").asLong();
            long soon = Math.min(outstanding, p.path("expiringWithin90Days").asLong());
            rows.add(Map.<String, Object>of(
                    "name", p.path("name").asText(), "expiringSoon", soon, "later", outstanding - soon));
        }
        return write(json, rows);
    }

    private static JsonNode first(Answer answer) {
        if (!answer.ok() || answer.body().path("programmes").size() == 0) {
            return null;
        }
        return answer.body().path("programmes").get(0);
    }

    private static String write(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
