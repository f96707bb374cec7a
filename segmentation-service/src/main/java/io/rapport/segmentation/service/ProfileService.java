package io.rapport.segmentation.service;

import io.rapport.contracts.customer.CostRecorded;
import io.rapport.contracts.customer.CustomerMerged;
import io.rapport.contracts.customer.CustomerSnapshot;
import io.rapport.contracts.customer.PurchaseLine;
import io.rapport.contracts.customer.PurchaseRecorded;
import io.rapport.contracts.customer.PurchaseRefunded;
import io.rapport.contracts.engagement.ComplaintOpened;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Keeps value facts from events. Every fact is counted once per business key (purchase, refund, cost,
 * complaint id), whatever the event id or consumer, so replays change nothing. Facts about a merged
 * record go to its survivor; facts about an unknown customer create a stub profile. After a change the
 * customer's classes are refreshed against the latest runs.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ProfileService {
    private static final int MAX_MERGE_HOPS = 16;

    private final Db db;
    private final Reclassifier reclassifier;

    public ProfileService(Db db, Reclassifier reclassifier) {
        this.db = db;
        this.reclassifier = reclassifier;
    }

    /** Registered or updated: kind, wallet, target flag and the registration date (tenure) of a live customer. */
    public void snapshot(CustomerSnapshot c) {
        UUID id = UUID.fromString(c.customerId());
        ensure(id);
        BigDecimal wallet = c.wallet() == null || c.wallet().amount() == null ? null : new BigDecimal(c.wallet().amount());
        int changed = db.update("update customer_profile set kind = ?, wallet = ?, target = ?,"
                + " customer_since = least(customer_since, ?::timestamptz), updated_at = now()"
                + " where customer_id = ? and merged_into is null and not erased"
                + " and (kind, wallet, target) is distinct from (?::text, ?::numeric, ?::boolean)",
                c.kind(), wallet, c.target(), c.createdAt(), id, c.kind(), wallet, c.target());
        db.update("update customer_profile set customer_since = ?::timestamptz where customer_id = ?"
                + " and (customer_since is null or customer_since > ?::timestamptz)", c.createdAt(), id, c.createdAt());
        if (changed > 0) {
            reclassifier.reclassify(id);
        }
    }

    public void purchase(PurchaseRecorded p) {
        if (!firstTime("purchase:" + p.purchaseId())) {
            return;
        }
        UUID id = live(UUID.fromString(p.customerId()));
        LocalDate month = month(p.occurredAt());
        addToMonth(id, month, money(p.total()), money(p.costOfGoods()), BigDecimal.ZERO, BigDecimal.ZERO, 1, 0);
        TreeSet<String> categories = new TreeSet<>();
        if (p.lines() != null) {
            p.lines().stream().map(PurchaseLine::category).filter(Objects::nonNull).forEach(categories::add);
        }
        for (String category : categories) {
            db.update("insert into category_month (customer_id, month, category, purchases) values (?, ?, ?, 1)"
                    + " on conflict (customer_id, month, category) do update set purchases = category_month.purchases + 1",
                    id, month, category);
        }
        db.update("update customer_profile set first_purchase_at = least(first_purchase_at, ?),"
                + " last_purchase_at = greatest(last_purchase_at, ?), customer_since = least(customer_since, ?),"
                + " updated_at = now() where customer_id = ?", p.occurredAt(), p.occurredAt(), p.occurredAt(), id);
        reclassifier.reclassify(id);
    }

    /** A refund gives money back (refunds) and returns goods (cost of goods goes down by their cost). */
    public void refund(PurchaseRefunded r) {
        if (!firstTime("refund:" + r.refundId())) {
            return;
        }
        UUID id = live(UUID.fromString(r.customerId()));
        addToMonth(id, month(r.occurredAt()), BigDecimal.ZERO, money(r.costOfGoods()).negate(), money(r.amount()),
                BigDecimal.ZERO, 0, 0);
        reclassifier.reclassify(id);
    }

    public void cost(CostRecorded c) {
        if (!firstTime("cost:" + c.costId())) {
            return;
        }
        UUID id = live(UUID.fromString(c.customerId()));
        addToMonth(id, month(c.occurredAt()), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, money(c.amount()), 0, 0);
        reclassifier.reclassify(id);
    }

    /** A complaint counts once per complaint id (a reopened complaint is not a new one). */
    public void complaint(ComplaintOpened c) {
        if (!firstTime("complaint:" + c.complaintId())) {
            return;
        }
        UUID id = live(UUID.fromString(c.customerId()));
        addToMonth(id, month(c.openedAt()), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 1);
    }

    /**
     * The merged record's figures are added to the survivor's (month by month), its categories join the
     * survivor's, the survivor keeps its own wallet when known (else takes the merged one), target flags
     * combine; the merged record becomes a tombstone pointing at the survivor and loses its classes.
     */
    public void merged(CustomerMerged m) {
        UUID merged = UUID.fromString(m.mergedId());
        UUID survivor = live(UUID.fromString(m.survivorId()));
        if (merged.equals(survivor)) {
            return;
        }
        ensure(merged);
        db.update("insert into value_month (customer_id, month, revenue, cogs, refunds, cost_to_serve, purchases, complaints)"
                + " select ?, month, revenue, cogs, refunds, cost_to_serve, purchases, complaints from value_month where customer_id = ?"
                + " on conflict (customer_id, month) do update set revenue = value_month.revenue + excluded.revenue,"
                + " cogs = value_month.cogs + excluded.cogs, refunds = value_month.refunds + excluded.refunds,"
                + " cost_to_serve = value_month.cost_to_serve + excluded.cost_to_serve,"
                + " purchases = value_month.purchases + excluded.purchases, complaints = value_month.complaints + excluded.complaints",
                survivor, merged);
        db.update("delete from value_month where customer_id = ?", merged);
        db.update("insert into category_month (customer_id, month, category, purchases)"
                + " select ?, month, category, purchases from category_month where customer_id = ?"
                + " on conflict (customer_id, month, category) do update set purchases = category_month.purchases + excluded.purchases",
                survivor, merged);
        db.update("delete from category_month where customer_id = ?", merged);
        db.update("update customer_profile s set wallet = coalesce(s.wallet, m.wallet), target = s.target or m.target,"
                + " kind = coalesce(s.kind, m.kind), customer_since = least(s.customer_since, m.customer_since),"
                + " first_purchase_at = least(s.first_purchase_at, m.first_purchase_at),"
                + " last_purchase_at = greatest(s.last_purchase_at, m.last_purchase_at), updated_at = now()"
                + " from customer_profile m where s.customer_id = ? and m.customer_id = ? and m.merged_into is null",
                survivor, merged);
        db.update("update customer_profile set merged_into = ?, wallet = null, target = false, first_purchase_at = null,"
                + " last_purchase_at = null, updated_at = now() where customer_id = ?", survivor, merged);
        db.update("update customer_profile set merged_into = ? where merged_into = ?", survivor, merged);
        db.update("delete from customer_segment where customer_id = ?", merged);
        reclassifier.reclassify(survivor);
    }

    /** Forget the person: wallet, kind, target flag, classes and class history go; the figures stay, keyed by id only. */
    public void erased(UUID customerId) {
        ensure(customerId);
        db.update("update customer_profile set erased = true, kind = null, wallet = null, target = false, updated_at = now()"
                + " where customer_id = ?", customerId);
        db.update("delete from customer_segment where customer_id = ?", customerId);
        db.update("delete from segment_change where customer_id = ?", customerId);
    }

    private boolean firstTime(String factKey) {
        return db.update("insert into applied_fact (fact_key) values (?) on conflict do nothing", factKey) == 1;
    }

    /** The id facts should go to: the end of the merge chain; a stub profile when unseen. */
    private UUID live(UUID id) {
        UUID current = id;
        for (int hop = 0; hop < MAX_MERGE_HOPS; hop++) {
            UUID next = db.one("select merged_into from customer_profile where customer_id = ?",
                    rs -> rs.getObject(1, UUID.class), current).orElse(null);
            if (next == null) {
                ensure(current);
                return current;
            }
            current = next;
        }
        throw new IllegalStateException("merge chain of " + id + " is longer than " + MAX_MERGE_HOPS);
    }

    private void ensure(UUID id) {
        db.update("insert into customer_profile (customer_id) values (?) on conflict do nothing", id);
    }

    private void addToMonth(UUID id, LocalDate month, BigDecimal revenue, BigDecimal cogs, BigDecimal refunds,
            BigDecimal costToServe, int purchases, int complaints) {
        db.update("insert into value_month (customer_id, month, revenue, cogs, refunds, cost_to_serve, purchases, complaints)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (customer_id, month) do update set"
                + " revenue = value_month.revenue + excluded.revenue, cogs = value_month.cogs + excluded.cogs,"
                + " refunds = value_month.refunds + excluded.refunds,"
                + " cost_to_serve = value_month.cost_to_serve + excluded.cost_to_serve,"
                + " purchases = value_month.purchases + excluded.purchases, complaints = value_month.complaints + excluded.complaints",
                id, month, revenue, cogs, refunds, costToServe, purchases, complaints);
    }

    static LocalDate month(Instant at) {
        return (at == null ? Instant.now() : at).atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
    }

    private static BigDecimal money(String amount) {
        return amount == null || amount.isBlank() ? BigDecimal.ZERO : new BigDecimal(amount.trim());
    }
}
