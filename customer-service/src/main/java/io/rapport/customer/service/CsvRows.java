package io.rapport.customer.service;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.rapport.customer.model.ImportResult;
import io.rapport.platform.rest.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a CSV import ({@code text/csv}, UTF-8) row by row as it arrives: a header row naming the columns, then one
 * record per row as a column-to-cell map, with the row's line in the file (the header is line 1). Shared by the
 * customer and the purchase CSV imports. The header is checked before the first row ({@link #checkHeader}: an unknown,
 * repeated or missing column refuses the whole file, 400); a row that cannot be read as CSV (unbalanced quotes, more
 * cells than columns) fails with its line and ends the reading, the rows before it are kept; rows past
 * {@code maxRows} fail unread. Empty lines are skipped, cells trimmed; errors never carry a cell's value.
 */
final class CsvRows {
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();

    /** Receives each row with its line in the file. */
    @FunctionalInterface
    interface Sink {
        void row(int line, Map<String, String> row) throws IOException, SQLException;
    }

    /** Checks the header (its column names in file order); throws a 400 ProblemException to refuse the file. */
    @FunctionalInterface
    interface HeaderCheck {
        void check(List<String> columns);
    }

    private CsvRows() {}

    static void read(InputStream body, ImportTally tally, int maxRows, HeaderCheck header, Sink sink)
            throws IOException, SQLException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnReordering(false);
        try (MappingIterator<Map<String, String>> rows =
                CSV.readerFor(Map.class).with(schema).readValues(body)) {
            int line = 1;
            int count = 0;
            boolean checked = false;
            while (true) {
                Map<String, String> row;
                try {
                    if (!rows.hasNextValue()) {
                        break;
                    }
                    line = Math.max(
                            line + 1, rows.getParser().currentTokenLocation().getLineNr());
                    row = rows.nextValue();
                    // after the row the parser's token lies on the row's (last cell's) line, skipped empty lines
                    // counted
                    line = Math.max(
                            line, rows.getParser().currentTokenLocation().getLineNr());
                } catch (RuntimeException | IOException e) {
                    if (!checked && !(rows.getParserSchema() instanceof CsvSchema read && read.size() > 0)) {
                        throw ProblemException.invalid(
                                "header", "the first line must be a CSV header row naming the columns");
                    }
                    tally.add(ImportResult.Row.failed(
                            Math.max(line, rows.getParser().currentLocation().getLineNr()),
                            null,
                            "not a readable CSV row (unbalanced quotes or more cells than header columns); the rows after"
                                    + " it were not read"));
                    break;
                }
                if (!checked) {
                    header.check(((CsvSchema) rows.getParserSchema()).getColumnNames());
                    checked = true;
                }
                if (++count > maxRows) {
                    tally.failUnread(
                            line,
                            "over the limit of " + maxRows + " rows per request; send the rest in another request");
                    continue;
                }
                sink.row(line, row);
            }
        }
    }

    /** Refuses (400) a header with a column not in {@code columns}, a repeated column, or without a required one. */
    static void checkHeader(List<String> header, List<String> columns, List<String> required) {
        Set<String> seen = new LinkedHashSet<>();
        for (String column : header) {
            if (!columns.contains(column)) {
                throw ProblemException.invalid("header", "unknown column '" + column + "'; the columns are " + columns);
            }
            if (!seen.add(column)) {
                throw ProblemException.invalid("header", "column '" + column + "' appears twice");
            }
        }
        for (String column : required) {
            if (!seen.contains(column)) {
                throw ProblemException.invalid("header", "needs a " + column + " column; the columns are " + columns);
            }
        }
    }

    /** The trimmed cell, or null when absent or blank. */
    static String cell(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null || v.isBlank() ? null : v.trim();
    }

    static BigDecimal decimal(String column, String value, String example) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(column, "must be a decimal number such as " + example);
        }
    }
}
