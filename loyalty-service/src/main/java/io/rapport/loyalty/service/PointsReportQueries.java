package io.rapport.loyalty.service;

import io.rapport.loyalty.domain.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The points report (README "Console", Loyalty page): members per tier, outstanding points and their value, points
 * earned, redeemed and expired per month. Five set-based queries over member, points_lot and ledger_entry, whatever the
 * number of members; nothing is computed per member in Java.
 */
@ApplicationScoped
public class PointsReportQueries {
    /** Lots expiring within this horizon are reported as "expiring soon". */
    public static final Duration EXPIRING_WITHIN = Duration.ofDays(90);

    public record TierCount(String code, String name, int rank, long members) {}

    public record Month(String month, long earned, long redeemed, long expired, long reversed, long adjusted) {}

    public record ProgrammeFigures(
            UUID programmeId,
            String code,
            String name,
            String currency,
            long activeMembers,
            List<TierCount> tiers,
            long outstandingPoints,
            long expiringSoon,
            long pointsDebt,
            BigDecimal pointValue,
            BigDecimal liabilityValue,
            List<Month> months) {}

    private final EntityManager em;
    private final Clock clock;
    private final BigDecimal pointValue;

    public PointsReportQueries(
            EntityManager em,
            Clock clock,
            @ConfigProperty(name = "rapport.loyalty.reporting.point-value", defaultValue = "0.01")
                    BigDecimal pointValue) {
        this.em = em;
        this.clock = clock;
        this.pointValue = pointValue;
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * The figures of every programme (or of one), with the last {@code months} calendar months (UTC) up to and
     * including the current one; months without entries are reported with zeros.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProgrammeFigures> report(UUID programmeId, int months, Instant now) {
        Map<UUID, Object[]> programmes = new LinkedHashMap<>();
        var programmeQuery = programmeId == null
                ? em.createNativeQuery("select id, code, name, currency from programme order by code")
                : em.createNativeQuery("select id, code, name, currency from programme where id = ?1")
                        .setParameter(1, programmeId);
        for (Object o : programmeQuery.getResultList()) {
            Object[] r = (Object[]) o;
            programmes.put((UUID) r[0], r);
        }
        if (programmes.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<TierCount>> tiers = new HashMap<>();
        for (Object o : em.createNativeQuery("select t.programme_id, t.code, t.name, t.rank, count(m.id) from tier t"
                        + " left join member m on m.programme_id = t.programme_id and m.tier_code = t.code"
                        + " and m.status = ?1"
                        + " group by t.programme_id, t.code, t.name, t.rank order by t.programme_id, t.rank")
                .setParameter(1, Member.ACTIVE)
                .getResultList()) {
            Object[] r = (Object[]) o;
            tiers.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                    .add(new TierCount((String) r[1], (String) r[2], ((Number) r[3]).intValue(), num(r[4])));
        }
        Map<UUID, long[]> balances = new HashMap<>();
        for (Object o : em.createNativeQuery("select programme_id, count(*), coalesce(sum(points_balance), 0),"
                        + " coalesce(sum(points_debt), 0) from member where status = ?1 group by programme_id")
                .setParameter(1, Member.ACTIVE)
                .getResultList()) {
            Object[] r = (Object[]) o;
            balances.put((UUID) r[0], new long[] {num(r[1]), num(r[2]), num(r[3])});
        }
        // points past their expiry that the expiry job has not booked yet are no liability any more
        Map<UUID, long[]> lots = new HashMap<>();
        for (Object o : em.createNativeQuery("select m.programme_id,"
                        + " coalesce(sum(l.remaining) filter (where l.expires_at <= ?2), 0),"
                        + " coalesce(sum(l.remaining) filter (where l.expires_at > ?2), 0)"
                        + " from points_lot l join member m on m.id = l.member_id"
                        + " where m.status = ?1 and l.remaining > 0 and l.expires_at <= ?3 group by m.programme_id")
                .setParameter(1, Member.ACTIVE)
                .setParameter(2, now)
                .setParameter(3, now.plus(EXPIRING_WITHIN))
                .getResultList()) {
            Object[] r = (Object[]) o;
            lots.put((UUID) r[0], new long[] {num(r[1]), num(r[2])});
        }
        YearMonth current = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        YearMonth first = current.minusMonths(months - 1L);
        Instant from = first.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = current.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Map<UUID, Map<String, Month>> monthly = new HashMap<>();
        for (Object o : em.createNativeQuery("select programme_id,"
                        + " to_char(date_trunc('month', occurred_at at time zone 'UTC'), 'YYYY-MM'),"
                        + " coalesce(sum(points) filter (where kind = 'EARN'), 0),"
                        + " coalesce(-sum(points) filter (where kind = 'REDEEM'), 0),"
                        + " coalesce(-sum(points) filter (where kind = 'EXPIRE'), 0),"
                        + " coalesce(-sum(points) filter (where kind = 'REVERSE'), 0),"
                        + " coalesce(sum(points) filter (where kind = 'ADJUST'), 0)"
                        + " from ledger_entry where occurred_at >= ?1 and occurred_at < ?2 group by 1, 2")
                .setParameter(1, from)
                .setParameter(2, to)
                .getResultList()) {
            Object[] r = (Object[]) o;
            String month = (String) r[1];
            monthly.computeIfAbsent((UUID) r[0], k -> new HashMap<>())
                    .put(month, new Month(month, num(r[2]), num(r[3]), num(r[4]), num(r[5]), num(r[6])));
        }
        List<ProgrammeFigures> out = new ArrayList<>();
        for (Object[] p : programmes.values()) {
            UUID id = (UUID) p[0];
            String currency = (String) p[3];
            long[] b = balances.getOrDefault(id, new long[3]);
            long[] l = lots.getOrDefault(id, new long[2]);
            long outstanding = Math.max(0, b[1] - l[0]);
            List<Month> series = new ArrayList<>();
            Map<String, Month> byMonth = monthly.getOrDefault(id, Map.of());
            for (YearMonth m = first; !m.isAfter(current); m = m.plusMonths(1)) {
                String key = m.toString();
                series.add(byMonth.getOrDefault(key, new Month(key, 0, 0, 0, 0, 0)));
            }
            out.add(new ProgrammeFigures(
                    id,
                    (String) p[1],
                    (String) p[2],
                    currency,
                    b[0],
                    List.copyOf(tiers.getOrDefault(id, List.of())),
                    outstanding,
                    l[1],
                    b[2],
                    pointValue,
                    pointValue
                            .multiply(BigDecimal.valueOf(outstanding))
                            .setScale(fractionDigits(currency), RoundingMode.HALF_UP),
                    List.copyOf(series)));
        }
        return out;
    }

    private static int fractionDigits(String currency) {
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
