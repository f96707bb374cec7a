package io.rapport.platform.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.rapport.contracts.CloudEvents;
import io.rapport.contracts.Topics;
import io.rapport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * The {@code rapport_dead_letter} table: the source of truth of a service's dead letters. Recording one also writes
 * its Kafka copy to the outbox ({@code <topic>.dlq}, the record's key, value and headers plus
 * {@code dead-letter-reason}, {@code -cause}, {@code -topic}, {@code -partition}, {@code -offset} and
 * {@code dead-letter-consumer}), so the copy is published by the relay even when Kafka is down right now.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DeadLetterStore {
    private static final Logger LOG = Logger.getLogger(DeadLetterStore.class);
    private static final int MAX_ERROR = 2000;
    private static final String COLUMNS =
            "id, consumer, topic, kafka_partition, kafka_offset, event_id, event_type, subject,"
                    + " error, attempts, first_failed_at, last_failed_at, status, resolved_at, resolved_by, discard_reason";

    private final EntityManager em;
    private final Outbox outbox;
    private final ObjectMapper json;

    public DeadLetterStore(EntityManager em, Outbox outbox, ObjectMapper json) {
        this.em = em;
        this.outbox = outbox;
        this.json = json;
    }

    /**
     * Records that {@code consumer} could never apply {@code record}. A record dead-lettered before (read again
     * after a restart) keeps its row, which counts the attempts; only its first failure writes a Kafka copy.
     */
    public void record(String consumer, ConsumerRecord<String, String> record, Throwable failure, int attempts) {
        String error = error(failure);
        String headers = headers(record.headers());
        Object inserted = em.createNativeQuery("insert into rapport_dead_letter (id, consumer, topic, kafka_partition,"
                        + " kafka_offset, event_id, event_type, subject, record_key, payload, headers, error, attempts)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
                        + " on conflict (consumer, topic, kafka_partition, kafka_offset, (coalesce(event_id, '')))"
                        + " do update set error = excluded.error, attempts = rapport_dead_letter.attempts + excluded.attempts,"
                        + " last_failed_at = now() returning (xmax = 0)")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, consumer)
                .setParameter(3, record.topic())
                .setParameter(4, record.partition())
                .setParameter(5, record.offset())
                .setParameter(6, header(record, CloudEvents.ID))
                .setParameter(7, header(record, CloudEvents.TYPE))
                .setParameter(
                        8,
                        Optional.ofNullable(header(record, CloudEvents.SUBJECT)).orElse(record.key()))
                .setParameter(9, record.key())
                .setParameter(10, record.value())
                .setParameter(11, headers)
                .setParameter(12, error)
                .setParameter(13, attempts)
                .getSingleResult();
        LOG.errorf(
                "consumer %s dead-lettered record %s/%d@%d (event %s) after %d attempt(s): %s",
                consumer,
                record.topic(),
                record.partition(),
                record.offset(),
                header(record, CloudEvents.ID),
                attempts,
                error);
        if (Boolean.TRUE.equals(inserted)) {
            outbox.publishCopy(
                    Topics.dlq(record.topic()),
                    header(record, CloudEvents.TYPE),
                    record.key(),
                    record.value(),
                    copyHeaders(record, consumer, failure));
        }
    }

    /** One page of dead letters, oldest failure first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeadLetter> list(DeadLetterFilter filter, int offset, int limit) {
        Query q = em.createNativeQuery("select " + COLUMNS + " from rapport_dead_letter where " + filter.where()
                + " order by first_failed_at, id offset " + offset + " limit " + limit);
        filter.bind(q);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(DeadLetterStore::item).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(DeadLetterFilter filter) {
        Query q = em.createNativeQuery("select count(*) from rapport_dead_letter where " + filter.where());
        filter.bind(q);
        return ((Number) q.getSingleResult()).longValue();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DeadLetter> find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from rapport_dead_letter where id = ?1")
                .setParameter(1, id)
                .getResultList();
        return rows.stream().findFirst().map(DeadLetterStore::item);
    }

    /** The ids matching {@code filter}, oldest first (a redrive by filter). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> ids(DeadLetterFilter filter) {
        Query q = em.createNativeQuery(
                "select id from rapport_dead_letter where " + filter.where() + " order by first_failed_at, id");
        filter.bind(q);
        @SuppressWarnings("unchecked")
        List<Object> ids = q.getResultList();
        return ids.stream()
                .map(o -> o instanceof UUID u ? u : UUID.fromString(o.toString()))
                .toList();
    }

    /** The stored record, locked for this transaction (two redrives of one dead letter apply it once). */
    public Optional<StoredRecord> lockRecord(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select consumer, status, topic, kafka_partition, kafka_offset, record_key,"
                                + " payload, headers from rapport_dead_letter where id = ?1 for update")
                .setParameter(1, id)
                .getResultList();
        return rows.stream().findFirst().map(r -> {
            ConsumerRecord<String, String> record = new ConsumerRecord<>(
                    (String) r[2], ((Number) r[3]).intValue(), ((Number) r[4]).longValue(), (String) r[5], (String)
                            r[6]);
            for (String[] h : headerPairs((String) r[7])) {
                record.headers().add(h[0], h[1] == null ? null : h[1].getBytes(StandardCharsets.UTF_8));
            }
            return new StoredRecord(id, (String) r[0], (String) r[1], record);
        });
    }

    public void markRedriven(UUID id, String by) {
        em.createNativeQuery("update rapport_dead_letter set status = 'REDRIVEN', resolved_at = now(), resolved_by = ?2"
                        + " where id = ?1")
                .setParameter(1, id)
                .setParameter(2, by)
                .executeUpdate();
    }

    public void markFailedAgain(UUID id, Throwable failure) {
        em.createNativeQuery(
                        "update rapport_dead_letter set error = ?2, attempts = attempts + 1, last_failed_at = now()"
                                + " where id = ?1")
                .setParameter(1, id)
                .setParameter(2, error(failure))
                .executeUpdate();
    }

    /** @return false when the dead letter is not pending (already redriven or discarded) */
    public boolean discard(UUID id, String reason, String by) {
        return em.createNativeQuery("update rapport_dead_letter set status = 'DISCARDED', resolved_at = now(),"
                                + " resolved_by = ?2, discard_reason = ?3 where id = ?1 and status = 'PENDING'")
                        .setParameter(1, id)
                        .setParameter(2, by)
                        .setParameter(3, reason)
                        .executeUpdate()
                == 1;
    }

    /**
     * GDPR erasure of {@code subject} (a customer id): its dead letters keep their ids and event types but lose the
     * record (key, payload, headers) and the error text, which may quote personal values; pending ones are discarded
     * ("subject erased"), since an erased customer's event must never be applied. Unsent Kafka copies of them in the
     * outbox are dropped. Call it from the consumer's CustomerErased handler, in its transaction.
     *
     * @return the dead letters scrubbed
     */
    public int forgetSubject(String subject, String by) {
        int scrubbed = em.createNativeQuery(
                        "update rapport_dead_letter set record_key = null, payload = null, headers = '[]',"
                                + " error = '(subject erased)', status = case when status = 'PENDING' then 'DISCARDED' else status end,"
                                + " resolved_at = coalesce(resolved_at, now()), resolved_by = coalesce(resolved_by, ?2),"
                                + " discard_reason = case when status = 'PENDING' then 'subject erased' else discard_reason end"
                                + " where subject = ?1")
                .setParameter(1, subject)
                .setParameter(2, by)
                .executeUpdate();
        em.createNativeQuery("delete from rapport_outbox where subject = ?1 and topic like ?2")
                .setParameter(1, subject)
                .setParameter(2, "%" + Topics.DLQ_SUFFIX)
                .executeUpdate();
        return scrubbed;
    }

    /** Dead letters per consumer and status, for the {@code rapport_dlq_records} gauge. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Object[]> countsByConsumerAndStatus() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select consumer, status, count(*) from rapport_dead_letter" + " group by consumer, status")
                .getResultList();
        return rows;
    }

    private static DeadLetter item(Object[] r) {
        return new DeadLetter(
                r[0] instanceof UUID u ? u : UUID.fromString(r[0].toString()),
                (String) r[1],
                (String) r[2],
                ((Number) r[3]).intValue(),
                ((Number) r[4]).longValue(),
                (String) r[5],
                (String) r[6],
                (String) r[7],
                (String) r[8],
                ((Number) r[9]).intValue(),
                instant(r[10]),
                instant(r[11]),
                (String) r[12],
                instant(r[13]),
                (String) r[14],
                (String) r[15]);
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + o.getClass());
    }

    private String copyHeaders(ConsumerRecord<String, String> record, String consumer, Throwable failure) {
        ArrayNode pairs = (ArrayNode) safeRead(headers(record.headers()));
        add(pairs, "dead-letter-reason", String.valueOf(failure.getMessage()));
        if (failure.getCause() != null) {
            add(pairs, "dead-letter-cause", String.valueOf(failure.getCause().getMessage()));
        }
        add(pairs, "dead-letter-topic", record.topic());
        add(pairs, "dead-letter-partition", Integer.toString(record.partition()));
        add(pairs, "dead-letter-offset", Long.toString(record.offset()));
        add(pairs, "dead-letter-consumer", consumer);
        return pairs.toString();
    }

    private static void add(ArrayNode pairs, String name, String value) {
        pairs.addArray().add(name).add(value);
    }

    /** Headers as a JSON array of [name, value] pairs (order and repeated names kept; values read as UTF-8). */
    private String headers(Iterable<Header> headers) {
        ArrayNode pairs = json.createArrayNode();
        for (Header h : headers) {
            ArrayNode pair = pairs.addArray().add(h.key());
            if (h.value() == null) {
                pair.addNull();
            } else {
                pair.add(new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        return pairs.toString();
    }

    private List<String[]> headerPairs(String stored) {
        List<String[]> pairs = new ArrayList<>();
        for (JsonNode pair : safeRead(stored)) {
            JsonNode value = pair.get(1);
            pairs.add(new String[] {pair.get(0).asText(), value == null || value.isNull() ? null : value.asText()});
        }
        return pairs;
    }

    private JsonNode safeRead(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored headers are not JSON", e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String error(Throwable failure) {
        StringBuilder b = new StringBuilder(failure.toString());
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != failure) {
            b.append(" (root cause: ").append(root).append(')');
        }
        return b.length() > MAX_ERROR ? b.substring(0, MAX_ERROR) : b.toString();
    }
}
