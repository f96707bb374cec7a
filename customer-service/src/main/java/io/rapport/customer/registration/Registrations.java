package io.rapport.customer.registration;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.rapport.customer.service.ConcurrentWrites;
import io.rapport.customer.service.DuplicateDetector;
import io.rapport.platform.audit.Audit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Registering customers, the one pipeline for an entry (a batch of one) and an import (a chunk of rows): load what the
 * decision needs for the whole batch ({@link RegistrationStore#load}, one statement), decide
 * ({@link RegistrationDecision}, pure), store the new customers ({@link RegistrationStore#save}, one batch per table)
 * and, for an entry, one audit record each.
 */
@ApplicationScoped
public class Registrations {
    private final AgroalDataSource dataSource;
    private final RegistrationStore store;
    private final Audit audit;
    private final DuplicateDetector duplicates;
    private final Clock clock;

    public Registrations(
            AgroalDataSource dataSource,
            RegistrationStore store,
            Audit audit,
            DuplicateDetector duplicates,
            Clock clock) {
        this.clock = clock;
        this.dataSource = dataSource;
        this.store = store;
        this.audit = audit;
        this.duplicates = duplicates;
    }

    /**
     * How a batch registers: {@code who} registers; {@code activity}: registering is the customers' activity;
     * {@code audited}: each new customer gets an audit record (its view as "after"); {@code findDuplicates}: fuzzy
     * duplicate candidates are looked for in the same transaction.
     */
    public record Settings(String who, boolean activity, boolean audited, boolean findDuplicates) {
        /** A customer entered by a user: active now, audited; duplicates are looked for afterwards by the caller. */
        public static Settings entry(String who) {
            return new Settings(who, true, true, false);
        }

        /** Imported customers: no activity yet (their purchases bring it), duplicates looked for in the chunk's transaction. */
        public static Settings imported(String who) {
            return new Settings(who, false, false, true);
        }
    }

    /** An applicant's outcome with the view the caller built of a created customer (null otherwise). */
    public record Result<V>(Outcome outcome, V view) {}

    /**
     * Registers a batch in the caller's transaction, which must be active.
     *
     * @param view builds the caller's view of a new customer, once: the audit's "after" and the caller's answer
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <V> List<Result<V>> register(List<Applicant> batch, Settings settings, Function<NewCustomer, V> view)
            throws SQLException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try (Connection c = dataSource.getConnection()) {
            List<Outcome> outcomes = RegistrationDecision.decide(
                    batch, store.load(c, batch), UUID::randomUUID, now, settings.who(), settings.activity());
            List<NewCustomer> created = new ArrayList<>();
            List<Result<V>> results = new ArrayList<>(outcomes.size());
            for (Outcome o : outcomes) {
                if (o instanceof Outcome.Created n) {
                    created.add(n.customer());
                    results.add(new Result<>(o, view.apply(n.customer())));
                } else {
                    results.add(new Result<>(o, null));
                }
            }
            store.save(c, created);
            if (settings.audited()) {
                for (Result<V> r : results) {
                    if (r.outcome() instanceof Outcome.Created n) {
                        audit.change("customer", n.customer().id(), n.customer().id(), "CREATE", null, r.view());
                    }
                }
            }
            if (settings.findDuplicates()) {
                duplicates.detect(c, created.stream().map(NewCustomer::id).toList());
            }
            return results;
        }
    }

    /**
     * {@link #register} in a transaction of its own, run again (up to {@code attempts} times) while it loses a race
     * with a concurrent writer of the same identities or keys; the next attempt sees the winner's rows.
     *
     * @throws ConcurrentWrites.LostRaceException when every attempt lost
     */
    public <V> List<Result<V>> registerAlone(
            List<Applicant> batch, Settings settings, Function<NewCustomer, V> view, int attempts) throws SQLException {
        return ConcurrentWrites.retry(attempts, () -> {
            try {
                return QuarkusTransaction.requiringNew().call(() -> register(batch, settings, view));
            } catch (QuarkusTransactionException e) {
                if (e.getCause() instanceof SQLException s) {
                    throw s;
                }
                throw e;
            }
        });
    }
}
