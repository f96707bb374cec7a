package io.rapport.loyalty.profile;

import io.rapport.loyalty.profile.ProfileDecision.Row;
import io.rapport.platform.persistence.Db;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The load and store steps of {@link ProfilePipeline}: one statement each for a whole run of snapshots. */
@ApplicationScoped
public class ProfileStore {
    private final Db db;

    public ProfileStore(Db db) {
        this.db = db;
    }

    /** The stored profiles of {@code customers} (those without one are missing). */
    public Map<UUID, Row> load(Collection<UUID> customers) {
        return db
                .list(
                        "select customer_id, emails, phones, referral_code, erased, registered_at from customer_profile"
                                + " where customer_id = any(?)",
                        rs -> new Row(
                                rs.getObject("customer_id", UUID.class),
                                rs.getString("emails"),
                                rs.getString("phones"),
                                rs.getString("referral_code"),
                                rs.getBoolean("erased"),
                                Db.instant(rs, "registered_at")),
                        (Object) customers.toArray(UUID[]::new))
                .stream()
                .collect(Collectors.toMap(Row::customerId, Function.identity()));
    }

    /** Inserts or overwrites the rows (never an erased one: {@link ProfileDecision} does not change those). */
    void save(List<Row> rows) {
        List<Row> live = rows.stream().filter(r -> !r.erased()).toList();
        if (live.isEmpty()) {
            return;
        }
        int n = live.size();
        UUID[] ids = new UUID[n];
        String[] emails = new String[n];
        String[] phones = new String[n];
        String[] codes = new String[n];
        String[] registered = new String[n];
        for (int i = 0; i < n; i++) {
            Row r = live.get(i);
            ids[i] = r.customerId();
            emails[i] = r.emails();
            phones[i] = r.phones();
            codes[i] = r.referralCode();
            registered[i] = r.registeredAt() == null ? null : r.registeredAt().toString();
        }
        db.update(
                "insert into customer_profile (customer_id, emails, phones, referral_code, erased, registered_at)"
                        + " select u.id, u.emails, u.phones, u.code, false, u.registered::timestamptz"
                        + " from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[]) as u(id, emails, phones, code, registered)"
                        + " on conflict (customer_id) do update set emails = excluded.emails, phones = excluded.phones,"
                        + " referral_code = excluded.referral_code, registered_at = excluded.registered_at"
                        + " where not customer_profile.erased",
                ids,
                emails,
                phones,
                codes,
                registered);
    }
}
