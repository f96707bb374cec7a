package io.rapport.engagement.service;

import io.rapport.engagement.domain.Level;
import io.rapport.engagement.domain.pressure.FrequencyCap;
import io.rapport.engagement.domain.pressure.PastContact;
import io.rapport.engagement.domain.pressure.PressureRules;
import io.rapport.engagement.domain.pressure.PressureSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The contact pressure of many customers at once (the console's agenda: one call per page, not per row): load the
 * customers' profiles and their contact timelines in two queries ({@link ContactTimeline}, the one the caps count),
 * then compute each {@link PressureSnapshot} in Java under the rules in force.
 */
@ApplicationScoped
public class ContactPressureQuery {
    private static final String PROFILES = """
            select p.customer_id, p.time_zone, p.level,
                   (p.owner_id = ? or exists (select 1 from contact c
                                               where c.customer_id = p.customer_id and c.assignee_id = ?))
              from customer_profile p
             where p.customer_id = any(?::uuid[]) and not p.erased and p.merged_into is null
            """;

    /** The answer: snapshots by customer, customers not known here, and customers the caller may not see. */
    public record Result(Instant at, Map<UUID, PressureSnapshot> pressure, List<UUID> unknown, List<UUID> withheld) {}

    private final EntityManager em;
    private final PressureSettingsService settings;
    private final Clock clock;

    public ContactPressureQuery(EntityManager em, PressureSettingsService settings, Clock clock) {
        this.em = em;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param rep when not null, only customers this sales rep may see: the ones it owns (account manager) or has a
     *     contact assigned for; the others are withheld, whether they exist or not
     */
    public Result read(Collection<UUID> customers, String rep) {
        Instant now = clock.instant();
        PressureRules rules = settings.rules();
        Duration longest = rules.caps().stream()
                .map(FrequencyCap::window)
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
        List<UUID> ids = customers.stream().distinct().toList();
        record Profile(ZoneId zone, Level level, boolean visible) {}
        Map<UUID, Profile> profiles = new LinkedHashMap<>();
        Map<UUID, List<PastContact>> timelines = em.unwrap(Session.class).doReturningWork(db -> {
            try (PreparedStatement q = db.prepareStatement(PROFILES)) {
                Array array = db.createArrayOf("uuid", ids.toArray());
                q.setString(1, rep == null ? "" : rep);
                q.setString(2, rep == null ? "" : rep);
                q.setArray(3, array);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        profiles.put(
                                rs.getObject(1, UUID.class),
                                new Profile(zone(rs.getString(2)), level(rs.getString(3)), rs.getBoolean(4)));
                    }
                }
            }
            List<UUID> readable = profiles.entrySet().stream()
                    .filter(e -> rep == null || e.getValue().visible())
                    .map(Map.Entry::getKey)
                    .toList();
            return readable.isEmpty() ? Map.of() : ContactTimeline.read(db, readable, now.minus(longest), List.of());
        });
        Map<UUID, PressureSnapshot> out = new LinkedHashMap<>();
        List<UUID> unknown = new java.util.ArrayList<>();
        List<UUID> withheld = new java.util.ArrayList<>();
        Map<UUID, Profile> seen = new HashMap<>(profiles);
        for (UUID id : ids) {
            Profile p = seen.get(id);
            if (rep != null && (p == null || !p.visible())) {
                withheld.add(id);
            } else if (p == null) {
                unknown.add(id);
            } else {
                out.put(
                        id,
                        PressureSnapshot.of(rules, p.level(), p.zone(), timelines.getOrDefault(id, List.of()), now));
            }
        }
        return new Result(now, out, unknown, withheld);
    }

    private static ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static Level level(String level) {
        try {
            return Level.valueOf(level);
        } catch (RuntimeException e) {
            return Level.BASIC;
        }
    }
}
