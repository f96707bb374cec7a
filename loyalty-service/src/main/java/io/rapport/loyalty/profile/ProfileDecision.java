package io.rapport.loyalty.profile;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The rule for loyalty's copy of a customer (its only home): a registration or update creates the row when missing;
 * an erased customer's row never changes again; {@code registeredAt} is the earliest registration time seen; the
 * contact-point digests come from the newest snapshot only (a stale one keeps them); a registration's referral code
 * is kept. Changes are folded in order, so of several snapshots of one customer the later one wins.
 */
public final class ProfileDecision {
    private ProfileDecision() {}

    /** What a snapshot event changes; {@code current} false for a snapshot older than one already applied. */
    public record Change(
            UUID customerId, Instant createdAt, boolean current, List<String> digests, String referralCode) {}

    /** A stored profile ({@code emails}, {@code phones}: comma-separated digests, null when none). */
    public record Row(
            UUID customerId, String emails, String phones, String referralCode, boolean erased, Instant registeredAt) {
        static Row empty(UUID customerId) {
            return new Row(customerId, null, null, null, false, null);
        }
    }

    /**
     * The rows after {@code changes}, in order, starting from {@code stored} (rows of customers without one are
     * missing): one per customer the changes name, in first-seen order.
     */
    public static Map<UUID, Row> decide(Map<UUID, Row> stored, List<Change> changes) {
        Map<UUID, Row> out = new LinkedHashMap<>();
        for (Change c : changes) {
            Row p = out.getOrDefault(c.customerId(), stored.getOrDefault(c.customerId(), Row.empty(c.customerId())));
            out.put(c.customerId(), apply(p, c));
        }
        return out;
    }

    private static Row apply(Row p, Change c) {
        if (p.erased()) {
            return p;
        }
        Instant registeredAt = p.registeredAt();
        if (c.createdAt() != null && (registeredAt == null || c.createdAt().isBefore(registeredAt))) {
            registeredAt = c.createdAt();
        }
        String emails = c.current() ? digests(c.digests(), "email:") : p.emails();
        String phones = c.current() ? digests(c.digests(), "phone:") : p.phones();
        String code = c.referralCode() != null && !c.referralCode().isBlank()
                ? c.referralCode().trim()
                : p.referralCode();
        return new Row(p.customerId(), emails, phones, code, false, registeredAt);
    }

    /**
     * The keyed digests of one kind of contact point (customer events carry no e-mail or phone, only digests that are
     * equal when two customers share one), comma-separated; null when none.
     */
    static String digests(List<String> all, String kind) {
        if (all == null) {
            return null;
        }
        String joined = all.stream()
                .filter(s -> s != null && s.startsWith(kind))
                .distinct()
                .collect(Collectors.joining(","));
        return joined.isEmpty() ? null : joined;
    }
}
