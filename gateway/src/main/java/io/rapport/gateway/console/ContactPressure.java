package io.rapport.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.gateway.console.ConsoleClient.Answer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agenda's "Contact pressure" column: one call to engagement's {@code contact-pressure/batch} for all the
 * customers on the page (never one per row), and the text each row shows, e.g.
 * {@code 1/1 in 3 d (at cap) · 2/4 in 30 d · quiet hours now (21:30)}.
 */
final class ContactPressure {
    static final String PATH = "/api/v1/engagement/contact-pressure/batch";
    /** What engagement answers for one request at most. */
    static final int MAX_IDS = 200;

    private ContactPressure() {}

    /** The request body for the customers of an agenda answer (distinct, in order, at most 200), or null if none. */
    static Map<String, Object> request(Answer agenda) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode c : agenda.body().path("items")) {
            String id = c.path("customerId").asText("");
            if (!id.isEmpty() && ids.size() < MAX_IDS) {
                ids.add(id);
            }
        }
        return ids.isEmpty() ? null : Map.of("customerIds", List.copyOf(ids));
    }

    /** The cell text for {@code customerId} from the batch answer (null: not asked). */
    static String text(Answer pressure, String customerId) {
        if (pressure == null) {
            return "";
        }
        if (!pressure.ok()) {
            return "not available";
        }
        for (JsonNode item : pressure.body().path("items")) {
            if (item.path("customerId").asText().equals(customerId)) {
                return describe(item);
            }
        }
        for (JsonNode withheld : pressure.body().path("withheld")) {
            if (withheld.asText().equals(customerId)) {
                return "not yours to see";
            }
        }
        return "unknown to engagement";
    }

    static String describe(JsonNode item) {
        List<String> parts = new ArrayList<>();
        for (JsonNode cap : item.path("caps")) {
            String channel =
                    cap.path("channel").isTextual() ? " " + cap.path("channel").asText() : "";
            parts.add(cap.path("used").asInt() + "/" + cap.path("max").asInt() + channel + " in "
                    + window(cap.path("cap").asText())
                    + (cap.path("reached").asBoolean() ? " (at cap)" : ""));
        }
        String local = item.path("localTime").asText("");
        local = local.length() >= 5 ? local.substring(0, 5) : local;
        if (item.path("quietHoursNow").asBoolean()) {
            parts.add("quiet hours now (" + local + ")");
        } else if (item.path("weekendNow").asBoolean()) {
            parts.add("weekend now (" + local + ")");
        } else {
            parts.add("no quiet hours now (" + local + ")");
        }
        return String.join(" · ", parts);
    }

    /** A cap's window from its text form ({@code 1/PT72H}, {@code @SMS:1/PT168H}) in days or hours. */
    static String window(String cap) {
        int slash = cap.lastIndexOf('/');
        try {
            java.time.Duration d = java.time.Duration.parse(cap.substring(slash + 1));
            return d.toHours() % 24 == 0 ? d.toDays() + " d" : d.toHours() + " h";
        } catch (RuntimeException e) {
            return cap.substring(slash + 1);
        }
    }
}
