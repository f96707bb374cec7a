package io.rapport.customer.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.contracts.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes many outbox rows with one JDBC batch, in the caller's transaction (the connection must be the
 * transaction's). Same table and columns as the platform {@code Outbox}, which only writes one row per call:
 * bulk import needs thousands of events per transaction.
 */
@ApplicationScoped
public class OutboxBatch {
    private final ObjectMapper json;
    private final String source;

    public OutboxBatch(ObjectMapper json, @ConfigProperty(name = "quarkus.application.name") String app) {
        this.json = json;
        this.source = "/" + app;
    }

    /** One event to publish: its type, subject (customer id) and payload record. */
    public record Event(EventType type, Object subject, Object payload) {
    }

    public void publish(Connection c, List<Event> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into rapport_outbox (id, topic, type, source, subject, payload) values (?, ?, ?, ?, ?, ?)")) {
            for (Event e : events) {
                ps.setObject(1, UUID.randomUUID());
                ps.setString(2, e.type().topic());
                ps.setString(3, e.type().name());
                ps.setString(4, source);
                ps.setString(5, String.valueOf(e.subject()));
                ps.setString(6, write(e.payload()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private String write(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be written as JSON: " + payload.getClass(), e);
        }
    }
}
