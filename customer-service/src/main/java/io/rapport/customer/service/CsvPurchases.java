package io.rapport.customer.service;

import io.rapport.customer.model.ImportResult;
import io.rapport.customer.model.PurchaseImportRow;
import io.rapport.customer.model.PurchaseInput;
import io.rapport.platform.rest.ProblemException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Purchases from CSV rows: one row per purchase LINE. Columns: customerId, customerEmail, customerExternalSystem,
 * customerExternalId, sourceSystem, orderId, occurredAt, currency, channel, store (the order), sku, category,
 * quantity, unitPrice, unitCost (the line). The rows of one order (same sourceSystem and orderId) must follow each
 * other; the order's cells are taken from its first row (later rows may leave them empty). A purchase is one
 * result of the import (counted once, whatever its number of lines); a failure names the line in the file of the
 * row at fault (the order's first row for order cells) and the column, never the value.
 */
final class CsvPurchases {
    static final List<String> COLUMNS = List.of(
            "customerId",
            "customerEmail",
            "customerExternalSystem",
            "customerExternalId",
            "sourceSystem",
            "orderId",
            "occurredAt",
            "currency",
            "channel",
            "store",
            "sku",
            "category",
            "quantity",
            "unitPrice",
            "unitCost");
    static final List<String> REQUIRED =
            List.of("orderId", "occurredAt", "currency", "sku", "category", "quantity", "unitPrice");

    private CsvPurchases() {}

    static void checkHeader(List<String> header) {
        CsvRows.checkHeader(header, COLUMNS, REQUIRED);
    }

    /** The order a row belongs to: source system (default {@value PurchaseInput#DEFAULT_SOURCE}) and order id. */
    static String key(Map<String, String> row) {
        String source = CsvRows.cell(row, "sourceSystem");
        return (source == null ? PurchaseInput.DEFAULT_SOURCE : source) + "\u0000"
                + Objects.toString(CsvRows.cell(row, "orderId"), "");
    }

    /** The rows of one order, in file order. */
    static final class Order {
        final String key;
        final Map<String, String> first;
        final List<Integer> lines = new ArrayList<>();
        final List<PurchaseInput.Line> items = new ArrayList<>();
        ImportResult.Row failure;

        Order(String key, int line, Map<String, String> first) {
            this.key = key;
            this.first = first;
            add(line, first);
        }

        int firstLine() {
            return lines.get(0);
        }

        /** Adds a row's line; a cell that cannot be read fails the whole order with this row's line and column. */
        void add(int line, Map<String, String> row) {
            lines.add(line);
            if (failure != null) {
                return;
            }
            try {
                items.add(new PurchaseInput.Line(
                        CsvRows.cell(row, "sku"),
                        CsvRows.cell(row, "category"),
                        integer("quantity", CsvRows.cell(row, "quantity")),
                        CsvRows.decimal("unitPrice", CsvRows.cell(row, "unitPrice"), "39.90"),
                        CsvRows.decimal("unitCost", CsvRows.cell(row, "unitCost"), "12.00")));
            } catch (ProblemException e) {
                failure = problemRow(line, e);
            }
        }

        /** The order as an import row; a bad order cell throws a 400 ProblemException naming its column. */
        PurchaseImportRow row() {
            String customerId = CsvRows.cell(first, "customerId");
            UUID id = null;
            if (customerId != null) {
                try {
                    id = UUID.fromString(customerId);
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalid("customerId", "must be a UUID");
                }
            }
            Instant occurredAt = null;
            String at = CsvRows.cell(first, "occurredAt");
            if (at != null) {
                try {
                    occurredAt = Instant.parse(at);
                } catch (DateTimeParseException e) {
                    throw ProblemException.invalid(
                            "occurredAt", "must be an ISO-8601 instant such as 2025-05-01T10:00:00Z");
                }
            }
            return new PurchaseImportRow(
                    id,
                    CsvRows.cell(first, "customerEmail"),
                    CsvRows.cell(first, "customerExternalSystem"),
                    CsvRows.cell(first, "customerExternalId"),
                    CsvRows.cell(first, "sourceSystem"),
                    CsvRows.cell(first, "orderId"),
                    occurredAt,
                    CsvRows.cell(first, "currency"),
                    CsvRows.cell(first, "channel"),
                    CsvRows.cell(first, "store"),
                    List.copyOf(items));
        }

        /**
         * The failure of this order for a problem naming {@code field}: a line field ({@code lines[2].unitPrice}) is
         * reported at that row's line with its column, any other at the order's first row.
         */
        ImportResult.Row failed(String field, String message) {
            if (field != null) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("lines\\[(\\d+)\\]\\.?(.*)")
                        .matcher(field);
                if (m.matches()) {
                    int i = Integer.parseInt(m.group(1));
                    return ImportResult.Row.failed(
                            i < lines.size() ? lines.get(i) : firstLine(),
                            m.group(2).isEmpty() ? "sku" : m.group(2),
                            message);
                }
                if (field.equals("lines")) {
                    return ImportResult.Row.failed(firstLine(), "sku", message);
                }
            }
            return ImportResult.Row.failed(firstLine(), field, message);
        }
    }

    static ImportResult.Row problemRow(int line, ProblemException e) {
        var p = e.toProblem(null);
        boolean fields = p.errors() != null && !p.errors().isEmpty();
        return ImportResult.Row.failed(
                line,
                fields ? p.errors().get(0).field() : null,
                fields ? p.errors().get(0).message() : p.detail());
    }

    private static int integer(String column, String value) {
        if (value == null) {
            throw ProblemException.invalid(column, "is required");
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(column, "must be a whole number such as 2");
        }
    }
}
