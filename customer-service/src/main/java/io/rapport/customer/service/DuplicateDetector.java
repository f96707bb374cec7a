package io.rapport.customer.service;

import io.rapport.customer.domain.DuplicateRule;
import io.rapport.platform.persistence.Db;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Finds fuzzy duplicate candidates of newly entered or imported customers and stores the pairs {@link DuplicateRule}
 * suggests in the review queue (duplicate_suggestion). Candidates come from one set-based statement: for each new
 * customer with an address or a birth date, the live customers that share a birth date or the digits of the address
 * (the second signal the rule needs) and whose lower-case display name is trigram-similar ({@code %}), the
 * {@value #CANDIDATES} most similar first. A pair already
 * in the queue, dismissed or merged is left as it is, so a dismissed pair is never suggested again. Detection never
 * refuses a customer: it only adds suggestions.
 */
@ApplicationScoped
public class DuplicateDetector {
    static final int CANDIDATES = 20;
    private static final String PHONES =
            "array(select p.value from customer_contact_point p where p.customer_id = %s.id" + " and p.kind = 'PHONE')";
    private static final String LINE_DIGITS = "regexp_replace(%s.address_line1, '[^0-9]', '', 'g')";
    private static final String POSTAL_DIGITS = "regexp_replace(coalesce(%s.postal_code, ''), '[^0-9]', '', 'g')";
    /**
     * The customers sharing a second signal with {@code n}: the same birth date, or the same digits in the street line
     * (equal normalised lines have equal digits) and, when {@code n}'s postal code has digits, the same postal digits
     * or none (DuplicateRule compares cities when a postal code is missing). Served by the partial indexes
     * customer_birth_date and customer_address_digits; it may include pairs the rule refuses, never misses one it
     * accepts.
     */
    private static final String SIGNALS = "select b.id from customer b where b.birth_date = n.birth_date"
            + " union select a.id from customer a where a.address_line1 is not null and " + LINE_DIGITS.formatted("a")
            + " = " + LINE_DIGITS.formatted("n") + " and " + POSTAL_DIGITS.formatted("n") + " = ''"
            + " union select a.id from customer a where a.address_line1 is not null and " + LINE_DIGITS.formatted("a")
            + " = " + LINE_DIGITS.formatted("n") + " and " + POSTAL_DIGITS.formatted("a") + " = any(array[''"
            + ", " + POSTAL_DIGITS.formatted("n") + "])";
    /**
     * For each new customer, the {@value #CANDIDATES} live customers with a trigram-similar name ({@code %}) among
     * those sharing a signal ({@link #SIGNALS}), the most similar first. Each candidate is read by its primary key
     * (the lateral subquery with {@code offset 0} is not merged into the join, so the planner cannot turn to the name's
     * trigram index, which at 50,000 customers reads about 2,000 rows for a common given name).
     */
    static final String CANDIDATE_SQL = "select n.id, n.display_name, n.address_line1, n.postal_code, n.city,"
            + " n.country, " + PHONES.formatted("n")
            + ", n.birth_date, m.id, m.display_name, m.address_line1, m.postal_code, m.city,"
            + " m.country, " + PHONES.formatted("m")
            + ", m.birth_date from customer n cross join lateral (select m.* from (" + SIGNALS + ") s"
            + " cross join lateral (select * from customer c where c.id = s.id offset 0) m"
            + " where m.id <> n.id and m.status in ('ACTIVE', 'DORMANT') and lower(m.display_name) % lower(n.display_name)"
            + " order by similarity(lower(m.display_name), lower(n.display_name)) desc, m.id limit " + CANDIDATES
            + ") m"
            + " where n.id = any(?) and n.status in ('ACTIVE', 'DORMANT') and (n.address_line1 is not null or n.birth_date is not null)";

    private final Db db;
    private final Clock clock;

    public DuplicateDetector(Db db, Clock clock) {
        this.clock = clock;
        this.db = db;
    }

    /**
     * Whether a stored customer with this street line and birth date can have candidates at all: the candidate query
     * only looks for customers with one of them (without, {@link DuplicateRule} could only pair on a shared phone,
     * which entry refuses). Callers skip the detection (and its transaction) when not.
     */
    public static boolean mayHaveCandidates(String addressLine1, java.time.LocalDate birthDate) {
        return addressLine1 != null || birthDate != null;
    }

    /** After a single entry or update: its own transaction, so the customer is stored whatever happens here. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int detect(UUID customerId) {
        int[] added = {0};
        db.withConnection(c -> added[0] = detect(c, List.of(customerId)));
        return added[0];
    }

    /** Scores the candidates of {@code ids} on {@code c} (the caller's transaction); returns the new suggestions. */
    public int detect(Connection c, List<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        try (PreparedStatement find = c.prepareStatement(CANDIDATE_SQL);
                PreparedStatement insert =
                        c.prepareStatement("insert into duplicate_suggestion (id, customer_a, customer_b,"
                                + " score, reasons, status, created_at) values (?, least(?::uuid, ?::uuid), greatest(?::uuid, ?::uuid),"
                                + " ?, ?, 'OPEN', ?) on conflict (customer_a, customer_b) do nothing")) {
            find.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            int pending = 0;
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    UUID a = rs.getObject(1, UUID.class);
                    UUID b = rs.getObject(9, UUID.class);
                    var verdict = DuplicateRule.judge(person(rs, 2), person(rs, 10));
                    if (verdict.isEmpty()) {
                        continue;
                    }
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, a);
                    insert.setObject(3, b);
                    insert.setObject(4, a);
                    insert.setObject(5, b);
                    insert.setBigDecimal(
                            6, BigDecimal.valueOf(verdict.get().score()).setScale(4, RoundingMode.HALF_UP));
                    insert.setString(
                            7, verdict.get().reasons().stream().map(Enum::name).collect(Collectors.joining(",")));
                    insert.setObject(8, now.atOffset(ZoneOffset.UTC));
                    insert.addBatch();
                    pending++;
                }
            }
            if (pending == 0) {
                return 0;
            }
            int added = 0;
            for (int n : insert.executeBatch()) {
                added += Math.max(n, 0);
            }
            return added;
        }
    }

    private static DuplicateRule.Person person(ResultSet rs, int from) throws SQLException {
        Array phones = rs.getArray(from + 5);
        Set<String> values = phones == null ? Set.of() : Set.of((String[]) phones.getArray());
        return new DuplicateRule.Person(
                rs.getString(from),
                rs.getString(from + 1),
                rs.getString(from + 2),
                rs.getString(from + 3),
                rs.getString(from + 4),
                values,
                rs.getObject(from + 6, java.time.LocalDate.class));
    }
}
