package io.rapport.platform.outbox;

/** Kafka did not acknowledge an outbox row; the row stays unsent and is retried. */
public class OutboxPublishException extends RuntimeException {
    public OutboxPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
