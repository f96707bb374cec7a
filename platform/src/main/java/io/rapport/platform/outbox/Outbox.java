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
 * the state the event describes: both commit together or neither does; the relay publishes later.
 */
@ApplicationScoped
public class Outbox {
    private static final String WAKE_UP_REGISTERED = Outbox.class.getName() + ".wakeUp";

    private final EntityManager em;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelayWorker relay;
    private final String source;

    public Outbox(EntityManager em, ObjectMapper json, TransactionSynchronizationRegistry transactions, OutboxRelayWorker relay,
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
        em.createNativeQuery("insert into rapport_outbox (id, topic, type, source, subject, payload, traceparent)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
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
    public record Pending(EventType type, Object subject, Object payload) {
    }

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
        try (PreparedStatement ps = connection.prepareStatement(
                "insert into rapport_outbox (id, topic, type, source, subject, payload, traceparent) values (?, ?, ?, ?, ?, ?, ?)")) {
            for (Pending e : events) {
                ps.setObject(1, UUID.randomUUID());
                ps.setString(2, e.type().topic());
                ps.setString(3, e.type().name());
                ps.setString(4, source);
                ps.setString(5, String.valueOf(e.subject()));
                ps.setString(6, serialise(e.payload()));
                ps.setString(7, traceparent);
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
                "insert into rapport_outbox (id, topic, type, source, subject, payload, traceparent)"
                        + " select gen_random_uuid(), ?, ?, ?, r.subject, r.payload, ? from (" + rows + ") r")) {
            ps.setString(1, type.topic());
            ps.setString(2, type.name());
            ps.setString(3, source);
            ps.setString(4, traceparent());
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof String[] texts) {
                    ps.setArray(5 + i, connection.createArrayOf("text", texts));
                } else {
                    ps.setObject(5 + i, params[i]);
                }
            }
            int written = ps.executeUpdate();
            if (written > 0) {
                wakeRelayAfterCommit();
            }
            return written;
        }
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_UP_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_UP_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

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
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    private String serialise(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be written as JSON: " + payload.getClass(), e);
        }
    }
}
