package io.rapport.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the console's templates render: tables, cells, facts and the navigation. */
public final class Views {
    private Views() {}

    /** A table cell; {@code href} makes it a link (a customer id links to its page). */
    @TemplateData
    public record Cell(String text, String href) {
        public static Cell of(String text) {
            return new Cell(text == null ? "" : text, null);
        }
    }

    /** A column; {@code sortHref} (when sortable) loads the table sorted by it, {@code ariaSort} says the current order. */
    @TemplateData
    public record Column(String label, String sortHref, String ariaSort) {
        public static Column of(String label) {
            return new Column(label, null, "none");
        }
    }

    /** A row; {@code id} and {@code version} name the object a row's actions change (agenda). */
    @TemplateData
    public record Row(List<Cell> cells, String id, String version) {
        public Row(List<Cell> cells) {
            this(cells, null, null);
        }
    }

    @TemplateData
    public record Table(
            String id, String caption, List<Column> columns, List<Row> rows, String empty, String csvHref) {}

    /** A labelled figure; {@code state} (ok, warn, bad) colours it. */
    @TemplateData
    public record Fact(String label, String value, String state) {}

    /** One part of a page whose data come from one service: OK, or why it is missing. */
    @TemplateData
    public record Part(String title, String status, String detail, List<Fact> facts, List<Table> tables) {
        public boolean ok() {
            return "OK".equals(status);
        }

        /** An id for the part's heading. */
        public String anchor() {
            return "part-" + title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        }
    }

    @TemplateData
    public record NavItem(String href, String label, boolean current) {}

    /** Text of a JSON value for a cell: scalars as they are, arrays of scalars joined, objects as key=value. */
    public static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        List<String> parts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> parts.add(text(n)));
        } else {
            node.fields().forEachRemaining(e -> parts.add(e.getKey() + "=" + text(e.getValue())));
        }
        return String.join(", ", parts);
    }

    /** Whether a field holds a customer id (its cells link to the customer's page). */
    static boolean customerField(String name) {
        return name.equals("customerId");
    }

    /** A table of JSON objects: one column per field seen (in order of first appearance). */
    public static Table table(String id, String caption, JsonNode items, String empty) {
        Set<String> fields = new LinkedHashSet<>();
        items.forEach(item -> item.fieldNames().forEachRemaining(fields::add));
        List<Column> columns = fields.stream().map(f -> Column.of(label(f))).toList();
        List<Row> rows = new ArrayList<>();
        items.forEach(item ->
                rows.add(new Row(fields.stream().map(f -> cell(f, item.get(f))).toList())));
        return new Table(id, caption, columns, rows, empty, null);
    }

    static Cell cell(String field, JsonNode value) {
        String text = text(value);
        return customerField(field) && !text.isEmpty() ? new Cell(text, "/console/customers/" + text) : Cell.of(text);
    }

    /** The scalar fields of an object as facts; arrays of objects as tables; nested objects flattened one level. */
    public static Part part(String title, JsonNode data) {
        List<Fact> facts = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = data.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            JsonNode v = e.getValue();
            if (v.isArray() && v.size() > 0 && v.get(0).isObject()) {
                tables.add(table(null, label(e.getKey()), v, "none"));
            } else if (v.isObject() && v.has("items") && v.get("items").isArray()) {
                tables.add(table(null, label(e.getKey()), v.get("items"), "none"));
            } else if (v.isObject()) {
                v.fields().forEachRemaining(inner -> {
                    if (inner.getValue().isArray()
                            && inner.getValue().size() > 0
                            && inner.getValue().get(0).isObject()) {
                        tables.add(table(
                                null, label(e.getKey()) + ": " + label(inner.getKey()), inner.getValue(), "none"));
                    } else {
                        facts.add(new Fact(
                                label(e.getKey()) + ": " + label(inner.getKey()), text(inner.getValue()), null));
                    }
                });
            } else {
                facts.add(new Fact(label(e.getKey()), text(v), null));
            }
        }
        return new Part(title, "OK", null, facts, tables);
    }

    /** camelCase to words: "netRevenue" -> "Net revenue". */
    public static String label(String field) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                out.append(' ').append(Character.toLowerCase(c));
            } else {
                out.append(i == 0 ? Character.toUpperCase(c) : c);
            }
        }
        return out.toString();
    }
}
