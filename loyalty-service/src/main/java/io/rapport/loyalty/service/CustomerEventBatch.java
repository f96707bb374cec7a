package io.rapport.loyalty.service;

import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.PurchaseRecorded;
import io.rapport.platform.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Applies the new events of a poll of customer events (those {@code Inbox.processBatch} has just claimed, each id
 * once) inside the inbox's transaction, in their order. Consecutive purchases are booked set-based by
 * {@link PurchaseBatchEarning}; a purchase of a buyer with a pending referral or dated after now, and every other
 * event (refunds, registrations, merges, erasures), is handed to {@code oneByOne} at its place, so the events of one
 * customer keep their order. Any failure rolls the whole poll back.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CustomerEventBatch {
    private final PurchaseBatchEarning batchEarning;
    private final PurchaseEarning earning;

    public CustomerEventBatch(PurchaseBatchEarning batchEarning, PurchaseEarning earning) {
        this.batchEarning = batchEarning;
        this.earning = earning;
    }

    public void apply(List<IncomingEvent> events, Consumer<IncomingEvent> oneByOne) {
        List<PurchaseRecorded> run = new ArrayList<>();
        for (IncomingEvent e : events) {
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
}
