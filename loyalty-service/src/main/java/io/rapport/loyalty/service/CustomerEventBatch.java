package io.rapport.loyalty.service;

import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.PurchaseRecorded;
import io.rapport.loyalty.earning.EarningPipeline;
import io.rapport.platform.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Applies the new events of a poll of customer events (those {@code Inbox.processBatch} has just claimed, each id
 * once) inside the inbox's transaction, in their order. Consecutive purchases go to {@link EarningPipeline} as one run;
 * every other event (refunds, registrations, merges, erasures) is handed to {@code oneByOne} at its place, so the events
 * of one customer keep their order. Any failure rolls the whole poll back.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CustomerEventBatch {
    private final EarningPipeline earning;

    public CustomerEventBatch(EarningPipeline earning) {
        this.earning = earning;
    }

    public void apply(List<IncomingEvent> events, Consumer<IncomingEvent> oneByOne) {
        List<PurchaseRecorded> run = new ArrayList<>();
        for (IncomingEvent e : events) {
            if (CustomerEvents.PURCHASE_RECORDED.name().equals(e.type())) {
                run.add(e.payload(PurchaseRecorded.class));
                continue;
            }
            earning.recorded(run);
            run = new ArrayList<>();
            oneByOne.accept(e);
        }
        earning.recorded(run);
    }
}
