package io.rapport.loyalty.tier;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.loyalty.Fixtures;
import io.rapport.loyalty.domain.TierWindow;
import io.rapport.loyalty.tier.TierStore.FigureQuery;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The tier window's SQL (the one set-based implementation of the qualifying figure) on real PostgreSQL with generated
 * ledger entries around the window's bounds, against sums the test computes itself from what it inserted.
 */
@QuarkusTest
class TierFigureSqlIT {
    /** Windows with their bounds written out by hand: one ending on a month's last day (February has fewer days). */
    static final Instant TO_MARCH = Instant.parse("2026-03-31T12:00:00Z");

    static final Instant FROM_MARCH = Instant.parse("2026-02-28T12:00:00Z");
    static final Instant TO_JUNE = Instant.parse("2026-06-15T00:00:00Z");
    static final Instant FROM_JUNE = Instant.parse("2025-06-15T00:00:00Z");
    static final List<String> KINDS = List.of("EARN", "REVERSE", "REDEEM", "EXPIRE", "ADJUST");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TierStore store;

    record Entry(UUID member, String kind, long points, BigDecimal spend, Instant at) {}

    @Test
    void theWindowsBoundsAreTheProgrammesMonthsBackOnTheUtcCalendar() {
        assertThat(TierWindow.ending(TO_MARCH, 1)).isEqualTo(new TierWindow(FROM_MARCH, TO_MARCH));
        assertThat(TierWindow.ending(TO_JUNE, 12)).isEqualTo(new TierWindow(FROM_JUNE, TO_JUNE));
    }

    @Test
    void theFigureSumsEarnAndReverseEntriesAfterTheStartUpToAndIncludingTheEnd() throws Exception {
        String programme = Fixtures.programme(0, 0);
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            members.add(UUID.fromString(
                    (String) Fixtures.enrol(programme, UUID.randomUUID()).get("id")));
        }
        UUID empty = members.get(3);
        Random random = new Random(19);
        List<Instant> moments = new ArrayList<>();
        for (Instant bound : List.of(FROM_MARCH, TO_MARCH, FROM_JUNE, TO_JUNE)) {
            moments.addAll(List.of(
                    bound,
                    bound.minusNanos(1000),
                    bound.plusNanos(1000),
                    bound.minusSeconds(86400),
                    bound.plusSeconds(86400)));
        }
        List<Entry> entries = new ArrayList<>();
        for (UUID member : members.subList(0, 3)) {
            for (int i = 0; i < 120; i++) {
                long points = random.nextInt(1001) - 500;
                BigDecimal spend =
                        random.nextInt(5) == 0 ? null : BigDecimal.valueOf(random.nextInt(200001) - 100000, 2);
                entries.add(new Entry(
                        member,
                        KINDS.get(random.nextInt(KINDS.size())),
                        points,
                        spend,
                        moments.get(random.nextInt(moments.size()))));
            }
            entries.add(new Entry(member, "EARN", 0, BigDecimal.ZERO, TO_MARCH));
            entries.add(new Entry(member, "REVERSE", -300, new BigDecimal("-300.00"), TO_JUNE));
        }
        insert(UUID.fromString(programme), entries);

        List<FigureQuery> queries = new ArrayList<>();
        for (UUID member : members) {
            for (boolean spend : List.of(false, true)) {
                queries.add(new FigureQuery(member, new TierWindow(FROM_MARCH, TO_MARCH), spend));
                queries.add(new FigureQuery(member, new TierWindow(FROM_JUNE, TO_JUNE), spend));
            }
        }
        queries.add(queries.get(0)); // the same question twice gets the same answer

        List<BigDecimal> figures;
        try (Connection c = dataSource.getConnection()) {
            figures = store.figures(c, queries);
        }

        assertThat(figures).hasSize(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            FigureQuery q = queries.get(i);
            BigDecimal expected = BigDecimal.ZERO;
            for (Entry e : entries) {
                boolean counts = e.member().equals(q.memberId())
                        && (e.kind().equals("EARN") || e.kind().equals("REVERSE"))
                        && e.at().compareTo(q.window().from()) > 0
                        && e.at().compareTo(q.window().to()) <= 0;
                if (counts) {
                    expected = expected.add(
                            q.spendBased()
                                    ? (e.spend() == null ? BigDecimal.ZERO : e.spend())
                                    : BigDecimal.valueOf(e.points()));
                }
            }
            assertThat(figures.get(i)).as("query %d (%s)", i, q).isEqualByComparingTo(expected);
        }
        assertThat(figures.get(queries.size() - 1)).isEqualByComparingTo(figures.get(0));
        assertThat(figures.subList(12, 16))
                .as("a member without entries")
                .allSatisfy(f -> assertThat(f).isZero());
        assertThat(queries.get(12).memberId()).isEqualTo(empty);
        assertThat(figures.stream().anyMatch(f -> f.signum() < 0))
                .as("the data reaches negative figures")
                .isTrue();
    }

    @Test
    void noQuestionNoQuery() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertThat(store.figures(c, List.of())).isEmpty();
        }
    }

    private void insert(UUID programme, List<Entry> entries) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("insert into ledger_entry (id,"
                        + " programme_id, member_id, kind, points, spend, reason, source, source_key, occurred_at, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, 'generated', 'TEST', ?, ?, now())")) {
            for (Entry e : entries) {
                UUID id = UUID.randomUUID();
                ps.setObject(1, id);
                ps.setObject(2, programme);
                ps.setObject(3, e.member());
                ps.setString(4, e.kind());
                ps.setLong(5, e.points());
                ps.setBigDecimal(6, e.spend());
                ps.setString(7, "test:" + id);
                ps.setObject(8, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
