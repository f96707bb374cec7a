package io.rapport.loyalty;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/loyalty/reports/points on real PostgreSQL: members, balances, lots and ledger entries written straight
 * into the tables, and every figure of the report computed here from what was written.
 */
@QuarkusTest
class PointsReportIT {
    @Inject
    AgroalDataSource dataSource;

    record Entry(UUID member, String kind, long points, Instant at) {}

    record Lot(UUID member, Instant expiresAt, long remaining) {}

    @Test
    void tiersLiabilityAndMonthlyPointsAreTheSumsOfWhatTheTablesHold() throws Exception {
        String programme = Fixtures.programme(0, 0);
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            members.add(UUID.fromString(
                    (String) Fixtures.enrol(programme, UUID.randomUUID()).get("id")));
        }
        Instant now = Instant.now();
        Random random = new Random(21);
        // members 0-2 GOLD, 3-5 SILVER, 6 left the programme (its points and tier are not counted)
        Map<UUID, Long> balances = new LinkedHashMap<>();
        for (UUID m : members) {
            balances.put(m, (long) random.nextInt(5000));
        }
        List<Lot> lots = new ArrayList<>();
        for (UUID m : members) {
            for (int i = 0; i < 6; i++) {
                long days = random.nextInt(400) - 100; // from 100 days ago to 300 days ahead, never within a day of now
                Instant expires = now.plus(Duration.ofDays(days)).plus(Duration.ofHours(days >= 0 ? 12 : -12));
                lots.add(new Lot(m, expires, random.nextInt(3) == 0 ? 0 : random.nextInt(300) + 1));
            }
        }
        YearMonth current = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        List<Entry> entries = new ArrayList<>();
        String[] kinds = {"EARN", "REDEEM", "EXPIRE", "ADJUST", "REVERSE"};
        for (int i = 0; i < 120; i++) {
            UUID m = members.get(random.nextInt(members.size()));
            String kind = kinds[random.nextInt(kinds.length)];
            long points = random.nextInt(900) + 1;
            if (!kind.equals("EARN") && !(kind.equals("ADJUST") && random.nextBoolean())) {
                points = -points;
            }
            // months 0..7 back; the report asks for 6, so the two oldest months fall outside it
            YearMonth month = current.minusMonths(random.nextInt(8));
            int day = 1 + random.nextInt(month.lengthOfMonth());
            Instant at =
                    month.atDay(day).atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(random.nextInt(86400));
            if (at.isAfter(now.minusSeconds(60))) {
                at = now.minusSeconds(3600L + random.nextInt(3600));
                if (!YearMonth.from(at.atOffset(ZoneOffset.UTC)).equals(current)) {
                    at = current.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                }
            }
            entries.add(new Entry(m, kind, points, at));
        }
        write(UUID.fromString(programme), members, balances, lots, entries);

        JsonPath report = given().queryParam("programmeId", programme)
                .queryParam("months", 6)
                .get("/api/v1/loyalty/reports/points")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        List<UUID> active = members.subList(0, 6);
        long balance = active.stream().mapToLong(balances::get).sum();
        Instant asOf = Instant.parse(report.getString("asOf"));
        long pastExpiry = lots.stream()
                .filter(l -> active.contains(l.member()) && !l.expiresAt().isAfter(asOf))
                .mapToLong(Lot::remaining)
                .sum();
        long expiringSoon = lots.stream()
                .filter(l -> active.contains(l.member())
                        && l.expiresAt().isAfter(asOf)
                        && !l.expiresAt().isAfter(asOf.plus(Duration.ofDays(90))))
                .mapToLong(Lot::remaining)
                .sum();
        long outstanding = balance - pastExpiry;
        assertThat(outstanding).as("the test's data hold a liability").isPositive();
        assertThat(expiringSoon).isPositive();

        assertThat(report.getList("programmes")).hasSize(1);
        String p = "programmes[0].";
        assertThat(report.getString(p + "programmeId")).isEqualTo(programme);
        assertThat(report.getString(p + "currency")).isEqualTo("EUR");
        assertThat(report.getLong(p + "activeMembers")).isEqualTo(6);
        assertThat(report.getList(p + "tiers.code")).containsExactly("SILVER", "GOLD");
        assertThat(report.getList(p + "tiers.members", Integer.class)).containsExactly(3, 3);
        assertThat(report.getLong(p + "outstandingPoints")).isEqualTo(outstanding);
        assertThat(report.getLong(p + "expiringWithin90Days")).isEqualTo(expiringSoon);
        assertThat(report.getLong(p + "pointsDebt")).isEqualTo(active.size() * 7L);
        assertThat(report.getString(p + "pointValue")).isEqualTo("0.01");
        assertThat(report.getString(p + "liabilityValue"))
                .isEqualTo(new BigDecimal("0.01")
                        .multiply(BigDecimal.valueOf(outstanding))
                        .setScale(2, RoundingMode.HALF_UP)
                        .toPlainString());

        Map<String, long[]> expected = new TreeMap<>();
        for (int i = 5; i >= 0; i--) {
            expected.put(current.minusMonths(i).toString(), new long[5]);
        }
        for (Entry e : entries) {
            long[] m =
                    expected.get(YearMonth.from(e.at().atOffset(ZoneOffset.UTC)).toString());
            if (m == null) {
                continue;
            }
            switch (e.kind()) {
                case "EARN" -> m[0] += e.points();
                case "REDEEM" -> m[1] -= e.points();
                case "EXPIRE" -> m[2] -= e.points();
                case "REVERSE" -> m[3] -= e.points();
                default -> m[4] += e.points();
            }
        }
        assertThat(report.getList(p + "months.month")).containsExactlyElementsOf(expected.keySet());
        Map<String, List<Long>> actual = new HashMap<>();
        List<Map<String, Object>> months = report.getList(p + "months");
        for (Map<String, Object> m : months) {
            actual.put(
                    (String) m.get("month"),
                    List.of(
                            ((Number) m.get("earned")).longValue(),
                            ((Number) m.get("redeemed")).longValue(),
                            ((Number) m.get("expired")).longValue(),
                            ((Number) m.get("reversed")).longValue(),
                            ((Number) m.get("adjusted")).longValue()));
        }
        expected.forEach((month, figures) -> assertThat(actual.get(month))
                .as(month)
                .containsExactly(figures[0], figures[1], figures[2], figures[3], figures[4]));
        assertThat(expected.values().stream().mapToLong(f -> f[0]).sum())
                .as("the window holds earnings")
                .isPositive();
    }

    @Test
    void readersGetTheReportOthersAre403AndBadParametersAre400() {
        for (String role : List.of("admin", "sales", "marketing")) {
            given().header("X-Rapport-Principal", "u-" + role)
                    .header("X-Rapport-Roles", role)
                    .get("/api/v1/loyalty/reports/points?months=1")
                    .then()
                    .statusCode(200);
        }
        for (String role : List.of("support", "data-steward")) {
            given().header("X-Rapport-Principal", "u-" + role)
                    .header("X-Rapport-Roles", role)
                    .get("/api/v1/loyalty/reports/points")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        for (String query : List.of("months=0", "months=37", "months=x", "programmeId=not-a-uuid")) {
            given().get("/api/v1/loyalty/reports/points?" + query)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        given().get("/api/v1/loyalty/reports/points?programmeId=" + UUID.randomUUID())
                .then()
                .statusCode(200)
                .body("programmes.size()", org.hamcrest.Matchers.is(0));
    }

    @Test
    void theReportIsDocumentedWithAnExample() {
        JsonPath doc = given().accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> ok = doc.getMap(
                "paths.'/api/v1/loyalty/reports/points'.get.responses.'200'.content." + "'application/json'");
        assertThat(ok).containsKeys("schema", "examples");
        assertThat(String.valueOf(ok.get("examples"))).contains("liabilityValue", "expiringWithin90Days");
        assertThat(doc.getString("paths.'/api/v1/loyalty/reports/points'.get.description"))
                .contains("rapport.loyalty.reporting.point-value");
    }

    private void write(
            UUID programme, List<UUID> members, Map<UUID, Long> balances, List<Lot> lots, List<Entry> entries)
            throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement member = c.prepareStatement("update member set points_balance = ?, points_debt = 7,"
                        + " tier_code = ?, tier_rank = (select rank from tier where programme_id = ? and code = ?),"
                        + " status = ? where id = ?");
                PreparedStatement entry =
                        c.prepareStatement("insert into ledger_entry (id, programme_id, member_id, kind, points,"
                                + " reason, source, source_key, occurred_at, created_at) values (?, ?, ?, ?, ?,"
                                + " 'generated', 'TEST', ?, ?, now())");
                PreparedStatement lot =
                        c.prepareStatement("insert into points_lot (entry_id, member_id, earned_at, expires_at,"
                                + " remaining) values (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < members.size(); i++) {
                String tier = i < 3 ? "GOLD" : "SILVER";
                member.setLong(1, balances.get(members.get(i)));
                member.setString(2, tier);
                member.setObject(3, programme);
                member.setString(4, tier);
                member.setString(5, i == 6 ? "LEFT" : "ACTIVE");
                member.setObject(6, members.get(i));
                member.addBatch();
            }
            member.executeBatch();
            for (Entry e : entries) {
                entry.setObject(1, UUID.randomUUID());
                entry.setObject(2, programme);
                entry.setObject(3, e.member());
                entry.setString(4, e.kind());
                entry.setLong(5, e.points());
                entry.setString(6, "test:" + UUID.randomUUID());
                entry.setObject(7, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC));
                entry.addBatch();
            }
            entry.executeBatch();
            // each lot hangs off an EARN entry dated before the report's window, so it changes no month's figures
            OffsetDateTime earned = OffsetDateTime.ofInstant(
                    YearMonth.now(ZoneOffset.UTC)
                            .minusMonths(30)
                            .atDay(1)
                            .atStartOfDay()
                            .toInstant(ZoneOffset.UTC),
                    ZoneOffset.UTC);
            for (Lot l : lots) {
                UUID id = UUID.randomUUID();
                entry.setObject(1, id);
                entry.setObject(2, programme);
                entry.setObject(3, l.member());
                entry.setString(4, "EARN");
                entry.setLong(5, Math.max(1, l.remaining()));
                entry.setString(6, "test:" + id);
                entry.setObject(7, earned);
                entry.executeUpdate();
                lot.setObject(1, id);
                lot.setObject(2, l.member());
                lot.setObject(3, earned);
                lot.setObject(4, OffsetDateTime.ofInstant(l.expiresAt(), ZoneOffset.UTC));
                lot.setLong(5, l.remaining());
                lot.addBatch();
            }
            lot.executeBatch();
        }
    }
}
