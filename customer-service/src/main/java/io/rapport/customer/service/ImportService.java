package io.rapport.customer.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.rapport.customer.config.CustomerConfig;
import io.rapport.customer.model.CustomerInput;
import io.rapport.customer.model.ImportResult;
import io.rapport.customer.model.PurchaseImportRow;
import io.rapport.customer.registration.Applicant;
import io.rapport.customer.registration.Outcome;
import io.rapport.customer.registration.Registrations;
import io.rapport.platform.rest.Problem;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Bulk import of NDJSON streams: one JSON object per line, read as it arrives ({@link NdjsonLines}: the body is
 * never held whole), checked row by row with the same rules as the single-record endpoints, and written in chunks
 * of {@code rapport.customer.import-chunk-size} rows per transaction. The answer counts every non-blank line and
 * lists only the first {@code import-max-errors} failures ({@link ImportTally}), so memory stays flat whatever the
 * number of rows; rows past {@code import-max-rows} fail unread.
 * Two imports racing on the same records do not fail: the loser's rows come back EXISTING.
 */
@ApplicationScoped
public class ImportService {
    private final ObjectReader customers;
    private final ObjectReader purchases;
    private final Validator validator;
    private final CustomerDrafts drafts;
    private final Registrations registrations;
    private final PurchaseImportWriter purchaseWriter;
    private final CustomerConfig config;
    private final OwnerAssignment owners;
    private final Clock clock;

    public ImportService(
            ObjectMapper json,
            Validator validator,
            CustomerDrafts drafts,
            Registrations registrations,
            PurchaseImportWriter purchaseWriter,
            CustomerConfig config,
            OwnerAssignment owners,
            Clock clock) {
        this.clock = clock;
        this.owners = owners;
        this.customers = json.readerFor(CustomerInput.class);
        this.purchases = json.readerFor(PurchaseImportRow.class);
        this.validator = validator;
        this.drafts = drafts;
        this.registrations = registrations;
        this.purchaseWriter = purchaseWriter;
        this.config = config;
    }

    public ImportResult importCustomers(InputStream body, String who) throws IOException, SQLException {
        ImportTally tally = new ImportTally(config.importMaxErrors());
        List<PendingCustomer> chunk = new ArrayList<>();
        forEachLine(body, tally, (line, text) -> addCustomer(line, customers.readValue(text), chunk, tally, who));
        if (!chunk.isEmpty()) {
            tally.addAll(write(chunk, PendingCustomer::line, () -> writeCustomers(chunk, who)));
        }
        return tally.result();
    }

    /**
     * CSV customers ({@code text/csv}, UTF-8): a header row naming the columns ({@link CsvCustomers#COLUMNS}), then one
     * customer per row, checked, counted and written like the NDJSON import; a row's line is its line in the file
     * (the header is line 1). An unknown column refuses the whole file (400); a row that cannot be read as CSV
     * (unbalanced quotes, more cells than columns) fails and ends the import there, the rows before it are kept.
     */
    public ImportResult importCustomersCsv(InputStream body, String who) throws IOException, SQLException {
        ImportTally tally = new ImportTally(config.importMaxErrors());
        List<PendingCustomer> chunk = new ArrayList<>();
        CsvRows.read(
                body,
                tally,
                config.importMaxRows(),
                CsvCustomers::checkHeader,
                (line, row) -> handleOne(
                        (l, text) -> addCustomer(line, CsvCustomers.input(row), chunk, tally, who), tally, line, null));
        if (!chunk.isEmpty()) {
            tally.addAll(write(chunk, PendingCustomer::line, () -> writeCustomers(chunk, who)));
        }
        return tally.result();
    }

    /** A checked row waiting to be registered. */
    private record PendingCustomer(int line, Applicant applicant) {}

    /**
     * Registers one chunk through the registration pipeline in a transaction of its own (one attempt: {@link #write}
     * runs it again when it lost a race). A row whose e-mail, phone or external id already belongs to a customer
     * (stored, or an earlier row of the chunk) is EXISTING and changes nothing, which makes a re-run of the same file a
     * no-op. Imported customers start without last activity (the import is not theirs): their imported purchases set
     * it; fuzzy duplicates are suggested for review, never refused.
     */
    private List<ImportResult.Row> writeCustomers(List<PendingCustomer> chunk, String who) throws SQLException {
        List<Registrations.Result<Void>> results = registrations.registerAlone(
                chunk.stream().map(PendingCustomer::applicant).toList(),
                Registrations.Settings.imported(who),
                n -> null,
                1);
        List<ImportResult.Row> rows = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            int line = chunk.get(i).line();
            Outcome o = results.get(i).outcome();
            if (o instanceof Outcome.Created c) {
                rows.add(new ImportResult.Row(
                        line, ImportResult.Status.CREATED, c.customer().id(), null, null));
            } else if (o instanceof Outcome.Taken t) {
                rows.add(new ImportResult.Row(line, ImportResult.Status.EXISTING, t.owner(), null, null));
            } else {
                throw new IllegalStateException("an import row has no idempotency key to replay: " + o);
            }
        }
        return rows;
    }

    private void addCustomer(int line, CustomerInput in, List<PendingCustomer> chunk, ImportTally tally, String who)
            throws SQLException {
        check(in);
        Applicant applicant = drafts.applicant(owners.ofNew(in), null);
        if (applicant.emails().isEmpty()
                && applicant.phones().isEmpty()
                && applicant.externalIds().isEmpty()) {
            throw ProblemException.unprocessable(
                    "no-identity",
                    "emails",
                    "an imported customer needs an e-mail, phone or external id (it makes re-runs idempotent)");
        }
        chunk.add(new PendingCustomer(line, applicant));
        if (chunk.size() >= config.importChunkSize()) {
            tally.addAll(write(chunk, PendingCustomer::line, () -> writeCustomers(chunk, who)));
            chunk.clear();
        }
    }

    public ImportResult importPurchases(InputStream body) throws IOException, SQLException {
        ImportTally tally = new ImportTally(config.importMaxErrors());
        List<PurchaseImportWriter.Pending> chunk = new ArrayList<>();
        Instant now = clock.instant();
        forEachLine(body, tally, (line, text) -> {
            PurchaseImportRow row = purchases.readValue(text);
            check(row);
            chunk.add(pending(line, row, now));
            if (chunk.size() >= config.importChunkSize()) {
                tally.addAll(write(chunk, PurchaseImportWriter.Pending::line, () -> purchaseWriter.write(chunk)));
                chunk.clear();
            }
        });
        if (!chunk.isEmpty()) {
            tally.addAll(write(chunk, PurchaseImportWriter.Pending::line, () -> purchaseWriter.write(chunk)));
        }
        return tally.result();
    }

    /**
     * CSV purchases ({@code text/csv}, UTF-8, header row): one row per purchase line, the rows of one order
     * (sourceSystem + orderId, the idempotency key as in the NDJSON import) one after the other ({@link CsvPurchases}).
     * Each order is checked, counted and written like an NDJSON line; an order whose rows are not adjacent fails.
     */
    public ImportResult importPurchasesCsv(InputStream body) throws IOException, SQLException {
        ImportTally tally = new ImportTally(config.importMaxErrors());
        List<PurchaseImportWriter.Pending> chunk = new ArrayList<>();
        Instant now = clock.instant();
        Set<String> done = new java.util.HashSet<>();
        CsvPurchases.Order[] open = {null};
        CsvRows.read(body, tally, config.importMaxRows(), CsvPurchases::checkHeader, (line, row) -> {
            String key = CsvPurchases.key(row);
            if (open[0] != null && open[0].key.equals(key)) {
                open[0].add(line, row);
                return;
            }
            if (open[0] != null) {
                addPurchase(open[0], chunk, tally, now);
            }
            open[0] = new CsvPurchases.Order(key, line, row);
            if (!done.add(key)) {
                open[0].failure = ImportResult.Row.failed(
                        line,
                        "orderId",
                        "the rows of an order must follow each other;" + " this order already appeared above");
            }
        });
        if (open[0] != null) {
            addPurchase(open[0], chunk, tally, now);
        }
        if (!chunk.isEmpty()) {
            tally.addAll(write(chunk, PurchaseImportWriter.Pending::line, () -> purchaseWriter.write(chunk)));
        }
        return tally.result();
    }

    private void addPurchase(
            CsvPurchases.Order order, List<PurchaseImportWriter.Pending> chunk, ImportTally tally, Instant now)
            throws SQLException {
        if (order.failure != null) {
            tally.add(order.failure);
            return;
        }
        try {
            PurchaseImportRow row = order.row();
            check(row);
            chunk.add(pending(order.firstLine(), row, now));
        } catch (ProblemException e) {
            ImportResult.Row failed = CsvPurchases.problemRow(order.firstLine(), e);
            tally.add(order.failed(failed.field(), failed.message()));
            return;
        }
        if (chunk.size() >= config.importChunkSize()) {
            tally.addAll(write(chunk, PurchaseImportWriter.Pending::line, () -> purchaseWriter.write(chunk)));
            chunk.clear();
        }
    }

    /**
     * Writes one chunk in a transaction of its own; when a concurrent request stored some of the same e-mails,
     * phones, external ids or orders first, the whole chunk is rolled back and written again, and those rows
     * come back EXISTING. A chunk that loses every attempt fails row by row (nothing of it is stored).
     */
    private <P> List<ImportResult.Row> write(
            List<P> chunk, ToIntFunction<P> line, ConcurrentWrites.Attempt<List<ImportResult.Row>> attempt)
            throws SQLException {
        try {
            return ConcurrentWrites.retry(config.importConflictAttempts(), attempt);
        } catch (ConcurrentWrites.LostRaceException e) {
            return chunk.stream()
                    .map(
                            p -> ImportResult.Row.failed(
                                    line.applyAsInt(p),
                                    null,
                                    "concurrent requests kept writing the same records; nothing of this row was stored, send it again"))
                    .toList();
        }
    }

    private PurchaseImportWriter.Pending pending(int line, PurchaseImportRow row, Instant now) {
        int refs = (row.customerId() != null ? 1 : 0)
                + (row.customerEmail() != null ? 1 : 0)
                + (row.customerExternalSystem() != null || row.customerExternalId() != null ? 1 : 0);
        if (refs != 1) {
            throw ProblemException.invalid(
                    "customerId",
                    "give exactly one of customerId, customerEmail or"
                            + " customerExternalSystem with customerExternalId");
        }
        if (row.customerExternalSystem() != null
                && (row.customerExternalId() == null
                        || row.customerExternalSystem().isBlank())) {
            throw ProblemException.invalid(
                    "customerExternalId", "needs both customerExternalSystem and customerExternalId");
        }
        String email = row.customerEmail() == null ? null : drafts.normaliseEmail("customerEmail", row.customerEmail());
        NewPurchase purchase = NewPurchase.of(null, row.purchase(), now);
        return new PurchaseImportWriter.Pending(
                line,
                purchase,
                row.customerId(),
                email,
                row.customerExternalSystem() == null
                        ? null
                        : row.customerExternalSystem().trim(),
                row.customerExternalId() == null
                        ? null
                        : row.customerExternalId().trim());
    }

    private <T> void check(T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            ConstraintViolation<T> v = violations.stream()
                    .min(Comparator.comparing(x -> x.getPropertyPath().toString()))
                    .get();
            throw ProblemException.invalid(v.getPropertyPath().toString(), v.getMessage());
        }
    }

    /** Handles one line; any failure of that line becomes its FAILED result. */
    @FunctionalInterface
    private interface LineHandler {
        void handle(int line, String text) throws IOException, SQLException;
    }

    /**
     * Streams the body line by line (only the current line and the pending chunk are held); each line's failure
     * becomes its FAILED row; rows past the row limit are counted as failed without being parsed.
     */
    private void forEachLine(InputStream body, ImportTally tally, LineHandler handler)
            throws IOException, SQLException {
        int[] rows = {0};
        NdjsonLines.Sink sink = new NdjsonLines.Sink() {
            @Override
            public void line(int line, String text) throws IOException, SQLException {
                if (++rows[0] > config.importMaxRows()) {
                    tally.failUnread(
                            line,
                            "over the limit of " + config.importMaxRows()
                                    + " rows per request; send the rest in another request");
                    return;
                }
                handleOne(handler, tally, line, text);
            }

            @Override
            public void tooLong(int line, long bytes) {
                rows[0]++;
                tally.add(ImportResult.Row.failed(
                        line,
                        null,
                        "the line has " + bytes + " bytes; at most " + config.importMaxLineBytes()
                                + " are read per line"));
            }
        };
        try {
            new NdjsonLines(config.importMaxLineBytes()).read(body, sink);
        } catch (IOException | SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void handleOne(LineHandler handler, ImportTally tally, int line, String text)
            throws IOException, SQLException {
        try {
            handler.handle(line, text);
        } catch (JsonMappingException e) {
            String path = pathOf(e);
            tally.add(ImportResult.Row.failed(line, path.isEmpty() ? null : path, firstLine(e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            tally.add(ImportResult.Row.failed(line, null, "not valid JSON: " + firstLine(e.getOriginalMessage())));
        } catch (ProblemException e) {
            Problem p = e.toProblem(null);
            String field = p.errors() == null || p.errors().isEmpty()
                    ? null
                    : p.errors().get(0).field();
            String message = p.errors() == null || p.errors().isEmpty()
                    ? p.detail()
                    : p.errors().get(0).message();
            tally.add(ImportResult.Row.failed(line, field, message));
        }
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int cut = message.indexOf('\n');
        return cut > 0 ? message.substring(0, cut) : message;
    }
}
