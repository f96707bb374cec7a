package io.rapport.loyalty.service;

import io.agroal.api.AgroalDataSource;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.PurchaseRecorded;
import io.rapport.platform.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Applies a poll of customer events in ONE transaction, in their order. The events' ids are claimed in the
 * platform inbox table ({@code rapport_inbox}, the same rows {@code Inbox.process} writes for the consumer) with one
 * statement; an id claimed before, or repeated in the poll, has no effect. Consecutive purchases are booked
 * set-based by {@link PurchaseBatchEarning}; a purchase of a buyer with a pending referral or dated after now, and
 * every other event (refunds, registrations, merges, erasures), is handed to {@code oneByOne} at its place, so
 * the events of one customer keep their order. Any failure rolls the whole poll back.
 */
@ApplicationScoped
public class CustomerEventBatch {
    private final AgroalDataSource dataSource;
    private final PurchaseBatchEarning batchEarning;
    private final PurchaseEarning earning;

    public CustomerEventBatch(AgroalDataSource dataSource, PurchaseBatchEarning batchEarning, PurchaseEarning earning) {
        this.dataSource = dataSource;
        this.batchEarning = batchEarning;
        this.earning = earning;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void apply(String consumer, List<IncomingEvent> events, Consumer<IncomingEvent> oneByOne) {
        Set<String> fresh = claim(consumer, events);
        List<PurchaseRecorded> run = new ArrayList<>();
        for (IncomingEvent e : events) {
            if (!fresh.remove(e.id())) {
                continue;
            }
            if (CustomerEvents.PURCHASE_RECORDED.name().equals(e.type())) {
                run.add(e.payload(PurchaseRecorded.class));
                continue;
            }
            book(run);
            oneByOne.accept(e);
        }
        book(run);
    }

    private void book(List<PurchaseRecorded> run) {
        if (run.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        Set<UUID> referred = batchEarning.withPendingReferral(
                run.stream().map(p -> UUID.fromString(p.customerId())).collect(Collectors.toSet()));
        List<PurchaseRecorded> plain = new ArrayList<>();
        for (PurchaseRecorded p : run) {
            if (referred.contains(UUID.fromString(p.customerId())) || p.occurredAt().isAfter(now)) {
                batchEarning.earn(plain);
                plain = new ArrayList<>();
                earning.recorded(p);
            } else {
                plain.add(p);
            }
        }
        batchEarning.earn(plain);
        run.clear();
    }

    /** Inserts the inbox rows of the poll; answers the ids that were not there before. */
    private Set<String> claim(String consumer, List<IncomingEvent> events) {
        String[] ids = events.stream().map(IncomingEvent::id).toArray(String[]::new);
        String[] types = events.stream().map(IncomingEvent::type).toArray(String[]::new);
        Set<String> fresh = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("insert into rapport_inbox (consumer, event_id, event_type)"
                        + " select ?, u.id, u.type from unnest(?::text[], ?::text[]) with ordinality as u(id, type, n) order by u.n"
                        + " on conflict do nothing returning event_id")) {
            ps.setString(1, consumer);
            ps.setArray(2, c.createArrayOf("text", ids));
            ps.setArray(3, c.createArrayOf("text", types));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("claiming a poll of customer events in the inbox failed: " + e.getMessage(), e);
        }
        return fresh;
    }
}
