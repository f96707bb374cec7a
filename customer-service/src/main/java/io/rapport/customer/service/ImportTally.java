package io.rapport.customer.service;

import io.rapport.customer.model.ImportResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The running outcome of one import: counts of every row, and the first {@code maxErrors} failed rows in
 * full; later failures are only counted. Its size does not grow with the number of rows.
 */
final class ImportTally {
    private final int maxErrors;
    private final List<ImportResult.Row> errors = new ArrayList<>();
    private int rows;
    private int created;
    private int existing;
    private int failed;

    ImportTally(int maxErrors) {
        this.maxErrors = Math.max(0, maxErrors);
    }

    void add(ImportResult.Row row) {
        rows++;
        switch (row.status()) {
            case CREATED -> created++;
            case EXISTING -> existing++;
            case FAILED -> {
                failed++;
                if (errors.size() < maxErrors) {
                    errors.add(row);
                }
            }
        }
    }

    void addAll(List<ImportResult.Row> chunk) {
        chunk.forEach(this::add);
    }

    /** Rows counted as failed without being read (past the row limit): only the first gets a line. */
    void failUnread(int line, String message) {
        add(ImportResult.Row.failed(line, null, message));
    }

    ImportResult result() {
        List<ImportResult.Row> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt(ImportResult.Row::line));
        return new ImportResult(rows, created, existing, failed, sorted, failed - sorted.size());
    }
}
