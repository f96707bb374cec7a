package io.rapport.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.rapport.contracts.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes domain events into the transactional outbox. Call it inside the transaction that changes
 * the state the event describes: both commit together or neither does; the relay publishes later. Never touches
 * Kafka, so writes keep succeeding while the broker is down.
 *
 * <p>Each event gets the next number of its subject's sequence (the CloudEvents {@code sequence} extension, header
 * {@code ce_sequence}): the counter row of the subject is updated in the same transaction, which makes concurrent
 * writers of one subject wait for each other, so a subject's sequence order is its commit order. Projections use it
 * to ignore stale events ({@link io.rapport.platform.inbox.EventOrder}).
 */
@ApplicationScoped
public class Outbox {
    private static final String WAKE_UP_REGISTERED = Outbox.class.getName() + ".wakeUp";
    /** Takes the subject's ({@code ?5}) next sequence number; the row lock serializes writers of one subject. */
    private static final String NEXT_SEQUENCE =
            "with n as (insert into rapport_subject_sequence as t (subject, last_sequence)"
                    + " values (?5, 1) on conflict (subject) do update set last_sequence = t.last_sequence + 1"
                    + " returning last_sequence) ";

    private final EntityManager em;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelayWorker relay;
    private final String source;

    public Outbox(
            EntityManager em,
            ObjectMapper json,
            TransactionSynchronizationRegistry transactions,
            OutboxRelayWorker relay,
            @ConfigProperty(name = "quarkus.application.name") String app) {
        this.em = em;
        this.json = json;
        this.transactions = transactions;
        this.relay = relay;
        this.source = "/" + app;
    }

    /**
     * Records an event for publication.
     *
     * @param type the CloudEvent type, which also names the topic
     * @param subject the customer id the event is about: the Kafka key and {@code ce_subject}
     * @param payload a record that serialises to the type's JSON Schema
     * @return the event id ({@code ce_id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(EventType type, Object subject, Object payload) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery(NEXT_SEQUENCE
                        + "insert into rapport_outbox (id, topic, type, source, subject, payload, traceparent,"
                        + " sequence) select ?1, ?2, ?3, ?4, ?5, ?6, ?7, n.last_sequence from n")
                .setParameter(1, id)
                .setParameter(2, type.topic())
                .setParameter(3, type.name())
                .setParameter(4, source)
                .setParameter(5, String.valueOf(subject))
                .setParameter(6, serialise(payload))
                .setParameter(7, traceparent())
                .executeUpdate();
        wakeRelayAfterCommit();
        return id;
    }

    /** One event waiting to be written by {@link #publishAll}. */
    public record Pending(EventType type, Object subject, Object payload) {}

    /**
     * Records many events with one JDBC batch (bulk import). {@code connection} must be the current
     * transaction's (an Agroal connection taken inside the JTA transaction is).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(Connection connection, List<Pending> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        String traceparent = traceparent();
        try (PreparedStatement ps = connection.prepareStatement(NEXT_SEQUENCE.replace("?5", "?")
                + "insert into rapport_outbox (id, topic, type, source, subject, payload,"
                + " traceparent, sequence) select ?, ?, ?, ?, ?, ?, ?, n.last_sequence from n")) {
            for (Pending e : events) {
                ps.setString(1, String.valueOf(e.subject()));
                ps.setObject(2, UUID.randomUUID());
                ps.setString(3, e.type().topic());
                ps.setString(4, e.type().name());
                ps.setString(5, source);
                ps.setString(6, String.valueOf(e.subject()));
                ps.setString(7, serialise(e.payload()));
                ps.setString(8, traceparent);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        wakeRelayAfterCommit();
    }

    /**
     * Records one event per row of a query, set-based, for events derived from many stored rows at once (a
     * classification run's changes) without loading them into Java. {@code rows} is a SELECT answering the columns
     * {@code subject} (text: the Kafka key and {@code ce_subject}) and {@code payload} (text: JSON of the type's
     * schema); its ORDER BY is the order of the events. Its parameters are bound in order: a String[] as a text
     * array, anything else with setObject. {@code connection} must be the current transaction's.
     *
     * @return the number of events recorded
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int publishSelect(Connection connection, EventType type, String rows, Object... params) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "with r as (select q.subject, q.payload, row_number() over () as n from (" + rows + ") q),"
                        + " c as (select subject, count(*) as events from r group by subject),"
                        + " s as (insert into rapport_subject_sequence as t (subject, last_sequence)"
                        + "   select subject, events from c on conflict (subject)"
                        + "   do update set last_sequence = t.last_sequence + excluded.last_sequence"
                        + "   returning subject, last_sequence)"
                        + " insert into rapport_outbox (id, topic, type, source, subject, payload, traceparent, sequence)"
                        + " select gen_random_uuid(), ?, ?, ?, r.subject, r.payload, ?,"
                        + "   s.last_sequence - c.events + row_number() over (partition by r.subject order by r.n)"
                        + " from r join c on c.subject = r.subject join s on s.subject = r.subject order by r.n")) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof String[] texts) {
                    ps.setArray(1 + i, connection.createArrayOf("text", texts));
                } else {
                    ps.setObject(1 + i, params[i]);
                }
            }
            ps.setString(params.length + 1, type.topic());
            ps.setString(params.length + 2, type.name());
            ps.setString(params.length + 3, source);
            ps.setString(params.length + 4, traceparent());
            int written = ps.executeUpdate();
            if (written > 0) {
                wakeRelayAfterCommit();
            }
            return written;
        }
    }

    /**
     * Records a verbatim copy of a consumed record for {@code topic} (a dead letter's Kafka copy): the relay sends
     * {@code headers} (a JSON array of [name, value] pairs) as they are, with {@code key} and {@code value}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publishCopy(String topic, String type, String key, String value, String headers) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into rapport_outbox (id, topic, type, source, subject, payload, headers)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, id)
                .setParameter(2, topic)
                .setParameter(3, type == null ? "unknown" : type)
                .setParameter(4, source)
                .setParameter(5, key == null ? "" : key)
                .setParameter(6, value == null ? "" : value)
                .setParameter(7, headers)
                .executeUpdate();
        wakeRelayAfterCommit();
        return id;
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_UP_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_UP_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }

    /** The W3C traceparent of the current span when tracing is on, so the trace continues through Kafka. */
    private static String traceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                + span.getTraceFlags().asHex();
    }

    private String serialise(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be written as JSON: " + payload.getClass(), e);
        }
    }
}
