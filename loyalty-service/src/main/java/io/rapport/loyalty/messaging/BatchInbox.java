package io.rapport.loyalty.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rapport.platform.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Applies a whole poll of records in one transaction, with the same deduplication as the platform inbox (one
 * {@code rapport_inbox} row per consumer and event id, written with the effect). One commit per batch instead of
 * one per event is what lets earning keep up with a busy {@code customer.events}. When any record of the batch
 * fails, the transaction rolls back entirely and the caller replays the batch record by record through the
 * platform {@link io.rapport.platform.inbox.Inbox}, which retries and isolates the failing record.
 */
@ApplicationScoped
public class BatchInbox {
    private static final Logger LOG = Logger.getLogger(BatchInbox.class);

    private final EntityManager em;

    public BatchInbox(EntityManager em) {
        this.em = em;
    }

    /** @return true when every record was applied or found already processed; false when nothing was kept */
    public boolean applyAll(String consumer, Iterable<ConsumerRecord<String, String>> records, Consumer<IncomingEvent> effect) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (ConsumerRecord<String, String> record : records) {
                    IncomingEvent event = IncomingEvent.from(record);
                    int inserted = em.createNativeQuery("insert into rapport_inbox (consumer, event_id, event_type)"
                            + " values (?1, ?2, ?3) on conflict do nothing")
                            .setParameter(1, consumer).setParameter(2, event.id()).setParameter(3, event.type()).executeUpdate();
                    if (inserted == 1) {
                        effect.accept(event);
                    }
                }
            });
            return true;
        } catch (RuntimeException e) {
            LOG.infof("a batch of %s failed (%s); applying its records one by one", consumer, e.toString());
            return false;
        }
    }
}
