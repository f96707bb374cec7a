package io.rapport.loyalty.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.loyalty.Fixtures;
import io.rapport.loyalty.domain.PointsLot;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Which lots are due to expire is decided by one SQL condition ({@link ExpiryStore#DUE}); here it runs on real
 * PostgreSQL over generated lots around the moment of expiry, against what the test computes itself.
 */
@QuarkusTest
class ExpiryDueSqlIT {
    static final Instant NOW = Instant.parse("2031-07-01T08:00:00Z");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ExpiryStore store;

    record Lot(UUID id, UUID member, Instant expiresAt, long remaining) {}

    @Test
    void aLotIsDueWhenItStillHoldsPointsAndItsExpiryIsAtOrBeforeNow() throws Exception {
        String programme = Fixtures.programme(0, 0);
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            members.add(UUID.fromString(
                    (String) Fixtures.enrol(programme, UUID.randomUUID()).get("id")));
        }
        List<Instant> expiries = new ArrayList<>(List.of(
                NOW, NOW.minusNanos(1000), NOW.plusNanos(1000), NOW.minusSeconds(86400), NOW.plusSeconds(86400)));
        expiries.add(null);
        Random random = new Random(60);
        List<Lot> lots = new ArrayList<>();
        for (UUID member : members.subList(0, 3)) {
            for (int i = 0; i < 40; i++) {
                long remaining = random.nextInt(3) == 0 ? 0 : random.nextInt(500) + 1;
                lots.add(new Lot(UUID.randomUUID(), member, expiries.get(random.nextInt(expiries.size())), remaining));
            }
        }
        UUID onlyFuture = members.get(3);
        lots.add(new Lot(UUID.randomUUID(), onlyFuture, NOW.plusNanos(1000), 10));
        lots.add(new Lot(UUID.randomUUID(), onlyFuture, NOW, 0));
        lots.add(new Lot(UUID.randomUUID(), onlyFuture, null, 10));
        insert(UUID.fromString(programme), lots);

        Set<UUID> expectedLots = new HashSet<>();
        Map<UUID, Long> expectedPoints = new HashMap<>();
        for (Lot l : lots) {
            if (l.remaining() > 0 && l.expiresAt() != null && l.expiresAt().compareTo(NOW) <= 0) {
                expectedLots.add(l.id());
                expectedPoints.merge(l.member(), l.remaining(), Long::sum);
            }
        }

        Set<UUID> dueLots = new HashSet<>();
        QuarkusTransaction.requiringNew()
                .run(() -> store.dueLots(members, NOW).forEach((PointsLot l) -> dueLots.add(l.entryId)));
        Map<UUID, Long> duePoints = QuarkusTransaction.requiringNew().call(() -> store.duePoints(members, NOW));
        Set<UUID> claimed = new HashSet<>(QuarkusTransaction.requiringNew().call(() -> store.claim(NOW, 100_000)));

        assertThat(dueLots).isEqualTo(expectedLots);
        assertThat(duePoints).isEqualTo(expectedPoints);
        assertThat(duePoints).doesNotContainKey(onlyFuture);
        claimed.retainAll(members);
        assertThat(claimed).isEqualTo(expectedPoints.keySet());
    }

    private void insert(UUID programme, List<Lot> lots) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement entry =
                        c.prepareStatement("insert into ledger_entry (id, programme_id, member_id, kind, points,"
                                + " reason, source, source_key, occurred_at, created_at) values (?, ?, ?, 'EARN', ?, 'generated', 'TEST', ?,"
                                + " ?, now())");
                PreparedStatement lot =
                        c.prepareStatement("insert into points_lot (entry_id, member_id, earned_at, expires_at,"
                                + " remaining) values (?, ?, ?, ?, ?)")) {
            OffsetDateTime earned = OffsetDateTime.ofInstant(NOW.minusSeconds(86400 * 400L), ZoneOffset.UTC);
            for (Lot l : lots) {
                entry.setObject(1, l.id());
                entry.setObject(2, programme);
                entry.setObject(3, l.member());
                entry.setLong(4, Math.max(1, l.remaining()));
                entry.setString(5, "test:" + l.id());
                entry.setObject(6, earned);
                entry.addBatch();
                lot.setObject(1, l.id());
                lot.setObject(2, l.member());
                lot.setObject(3, earned);
                lot.setObject(
                        4, l.expiresAt() == null ? null : OffsetDateTime.ofInstant(l.expiresAt(), ZoneOffset.UTC));
                lot.setLong(5, l.remaining());
                lot.addBatch();
            }
            entry.executeBatch();
            lot.executeBatch();
        }
    }
}
