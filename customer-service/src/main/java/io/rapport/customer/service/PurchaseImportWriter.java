package io.rapport.customer.service;

import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerStatusChanged;
import io.rapport.customer.config.CustomerConfig;
import io.rapport.customer.domain.CustomerStatus;
import io.rapport.customer.domain.Dormancy;
import io.rapport.customer.domain.PurchaseLine;
import io.rapport.customer.model.ImportResult;
import io.rapport.platform.outbox.Outbox;
import io.rapport.platform.persistence.Db;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stores one chunk of imported purchases in one transaction with JDBC batches. The order id per source
 * system is the idempotency key: an order already stored (or earlier in the chunk) is EXISTING and
 * publishes nothing. Customers' last activity moves forward set-based; DORMANT or ARCHIVED buyers become ACTIVE.
 */
@ApplicationScoped
public class PurchaseImportWriter {
    private final Db db;
    private final Outbox outbox;
    private final Dormancy dormancy;
    private final Clock clock;

    public PurchaseImportWriter(Db db, Outbox outbox, CustomerConfig config, Clock clock) {
        this.clock = clock;
        this.db = db;
        this.outbox = outbox;
        this.dormancy = new Dormancy(config.dormantAfter());
    }

    /**
     * A checked purchase (its customer id still unset) and who bought it: {@code customerId}, a normalised
     * {@code email}, or {@code system} + {@code externalId}.
     */
    public record Pending(
            int line, NewPurchase purchase, UUID customerId, String email, String system, String externalId) {}

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<ImportResult.Row> write(List<Pending> chunk) {
        List<ImportResult.Row> refused = new ArrayList<>();
        List<Pending> rows = resolve(chunk, refused);
        lockBuyers(rows);
        List<String> systems =
                rows.stream().map(p -> p.purchase().purchase().sourceSystem).toList();
        List<String> orders =
                rows.stream().map(p -> p.purchase().purchase().orderId).toList();
        Map<String, UUID> stored = keyed(
                "select p.source_system, p.order_id, p.id from purchase p join"
                        + " unnest(?::text[], ?::text[]) as v(source_system, order_id) on p.source_system = v.source_system"
                        + " and p.order_id = v.order_id",
                systems,
                orders);
        List<ImportResult.Row> results = new ArrayList<>(refused);
        List<NewPurchase> fresh = new ArrayList<>();
        for (Pending p : rows) {
            String key = key(p.purchase().purchase().sourceSystem, p.purchase().purchase().orderId);
            UUID existing = stored.get(key);
            if (existing != null) {
                results.add(new ImportResult.Row(p.line(), ImportResult.Status.EXISTING, existing, null, null));
            } else {
                stored.put(key, p.purchase().purchase().id);
                fresh.add(p.purchase());
                results.add(new ImportResult.Row(
                        p.line(), ImportResult.Status.CREATED, p.purchase().purchase().id, null, null));
            }
        }
        db.withConnection(c -> insert(c, fresh));
        results.sort(java.util.Comparator.comparingInt(ImportResult.Row::line));
        return results;
    }

    /** Sets each purchase's customer (following merges to the survivor); unknown or erased customers fail the row. */
    private List<Pending> resolve(List<Pending> rows, List<ImportResult.Row> refused) {
        List<String> kinds = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> systems = new ArrayList<>();
        List<String> externals = new ArrayList<>();
        for (Pending p : rows) {
            if (p.email() != null) {
                kinds.add("EMAIL");
                values.add(p.email());
            } else if (p.system() != null) {
                systems.add(p.system());
                externals.add(p.externalId());
            }
        }
        Map<String, UUID> byEmail = keyed(
                "select p.kind, p.value, p.customer_id from customer_contact_point p"
                        + " join unnest(?::text[], ?::text[]) as v(kind, value) on p.kind = v.kind and p.value = v.value",
                kinds,
                values);
        Map<String, UUID> byExternal = keyed(
                "select e.system, e.external_id, e.customer_id from customer_external_id e"
                        + " join unnest(?::text[], ?::text[]) as v(system, external_id) on e.system = v.system"
                        + " and e.external_id = v.external_id",
                systems,
                externals);
        List<UUID> named = new ArrayList<>(rows.size());
        for (Pending p : rows) {
            named.add(
                    p.customerId() != null
                            ? p.customerId()
                            : p.email() != null
                                    ? byEmail.get(key("EMAIL", p.email()))
                                    : byExternal.get(key(p.system(), p.externalId())));
        }
        Map<UUID, UUID> live = liveCustomers(
                named.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        List<Pending> resolved = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Pending p = rows.get(i);
            UUID target = named.get(i) == null ? null : live.get(named.get(i));
            if (target == null) {
                refused.add(ImportResult.Row.failed(
                        p.line(),
                        p.customerId() != null
                                ? "customerId"
                                : p.email() != null ? "customerEmail" : "customerExternalId",
                        "no such customer (or it was erased)"));
            } else {
                p.purchase().purchase().customerId = target;
                resolved.add(p);
            }
        }
        return resolved;
    }

    /**
     * Locks the buyers' rows in id order before the orders are checked: a concurrent import or purchase for the
     * same customers waits for this chunk, then sees its orders; two chunks never lock each other out.
     */
    private void lockBuyers(List<Pending> rows) {
        UUID[] ids = rows.stream()
                .map(p -> p.purchase().purchase().customerId)
                .distinct()
                .toArray(UUID[]::new);
        if (ids.length == 0) {
            return;
        }
        db.list("select id from customer where id = any(?) order by id for update", rs -> rs.getObject(1), (Object)
                ids);
    }

    /**
     * Maps each key (two parts, see {@link #key}) to the id owning it: {@code sql} takes two text arrays (unnest-ed)
     * and returns (key part 1, key part 2, id).
     */
    private Map<String, UUID> keyed(String sql, List<String> first, List<String> second) {
        Map<String, UUID> out = new HashMap<>();
        if (first.isEmpty()) {
            return out;
        }
        db.list(
                sql,
                rs -> out.put(key(rs.getString(1), rs.getString(2)), rs.getObject(3, UUID.class)),
                first.toArray(String[]::new),
                second.toArray(String[]::new));
        return out;
    }

    private static String key(String a, String b) {
        return a + "\u0000" + b;
    }

    /** Each id to the live customer that stands for it now: itself, or its survivor after merges; erased ids are left out. */
    private Map<UUID, UUID> liveCustomers(java.util.Set<UUID> ids) {
        Map<UUID, UUID> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        db.list(
                "with recursive chain(start, id, status, merged_into, depth) as ("
                        + " select c.id, c.id, c.status, c.merged_into, 0 from customer c where c.id = any(?)"
                        + " union all select ch.start, n.id, n.status, n.merged_into, ch.depth + 1 from chain ch"
                        + " join customer n on n.id = ch.merged_into where ch.status = 'MERGED' and ch.depth < 20)"
                        + " select start, id from chain where status not in ('MERGED', 'ERASED')",
                rs -> out.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)),
                (Object) ids.toArray(UUID[]::new));
        return out;
    }

    private void insert(Connection c, List<NewPurchase> purchases) throws SQLException {
        if (purchases.isEmpty()) {
            return;
        }
        List<Outbox.Pending> events = new ArrayList<>();
        Map<UUID, Instant> latest = new LinkedHashMap<>();
        try (PreparedStatement purchase = c.prepareStatement(
                        "insert into purchase (id, customer_id, source_system, order_id,"
                                + " occurred_at, currency, total, cost_of_goods, channel, store, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement line = c.prepareStatement(
                        "insert into purchase_line (id, purchase_id, line_no, sku, category,"
                                + " quantity, unit_price, unit_cost, refunded_quantity, refunded_amount) values (?, ?, ?, ?, ?, ?, ?, ?, 0, 0)")) {
            for (NewPurchase n : purchases) {
                var p = n.purchase();
                purchase.setObject(1, p.id);
                purchase.setObject(2, p.customerId);
                purchase.setString(3, p.sourceSystem);
                purchase.setString(4, p.orderId);
                purchase.setObject(5, p.occurredAt.atOffset(ZoneOffset.UTC));
                purchase.setString(6, p.currency);
                purchase.setBigDecimal(7, p.total);
                purchase.setBigDecimal(8, p.costOfGoods);
                purchase.setString(9, p.channel);
                purchase.setString(10, p.store);
                purchase.setObject(11, p.recordedAt.atOffset(ZoneOffset.UTC));
                purchase.addBatch();
                for (PurchaseLine l : n.lines()) {
                    line.setObject(1, l.id);
                    line.setObject(2, l.purchaseId);
                    line.setInt(3, l.lineNo);
                    line.setString(4, l.sku);
                    line.setString(5, l.category);
                    line.setInt(6, l.quantity);
                    line.setBigDecimal(7, l.unitPrice);
                    line.setBigDecimal(8, l.unitCost);
                    line.addBatch();
                }
                latest.merge(p.customerId, p.occurredAt, (a, b) -> a.isAfter(b) ? a : b);
                events.add(new Outbox.Pending(
                        CustomerEvents.PURCHASE_RECORDED, p.customerId, PurchaseMapper.event(p, n.lines())));
            }
            purchase.executeBatch();
            line.executeBatch();
        }
        events.addAll(recordActivity(latest));
        outbox.publishAll(c, events);
    }

    /**
     * Records each buyer's latest purchase as activity with {@link Dormancy#activity} (the same decision as a single
     * purchase): loads the buyers' status and last activity in one query (rows locked by {@link #lockBuyers}), decides
     * in Java, stores in one statement; returns the status events of the reactivated.
     */
    private List<Outbox.Pending> recordActivity(Map<UUID, Instant> latest) {
        Instant now = clock.instant();
        List<UUID> ids = new ArrayList<>(latest.keySet());
        ids.sort(null);
        List<UUID> changed = new ArrayList<>();
        List<String> at = new ArrayList<>();
        List<String> status = new ArrayList<>();
        List<Outbox.Pending> events = new ArrayList<>();
        db.list(
                "select id, status, last_activity_at from customer where id = any(?) order by id",
                rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    CustomerStatus from = CustomerStatus.valueOf(rs.getString("status"));
                    Dormancy.Activity activity =
                            dormancy.activity(from, Db.instant(rs, "last_activity_at"), latest.get(id), now);
                    changed.add(id);
                    at.add(activity.lastActivityAt().toString());
                    status.add(activity.status().name());
                    if (activity.reactivated()) {
                        events.add(new Outbox.Pending(
                                CustomerEvents.STATUS_CHANGED,
                                id,
                                new CustomerStatusChanged(
                                        id.toString(),
                                        from.name(),
                                        activity.status().name(),
                                        "new activity",
                                        now)));
                    }
                    return id;
                },
                (Object) ids.toArray(UUID[]::new));
        db.update(
                "update customer c set last_activity_at = v.at, status = v.status, version = c.version + 1, updated_at = ?"
                        + " from unnest(?::uuid[], ?::text[]::timestamptz[], ?::text[]) as v(id, at, status)"
                        + " where c.id = v.id",
                now,
                changed.toArray(UUID[]::new),
                at.toArray(String[]::new),
                status.toArray(String[]::new));
        return events;
    }
}
