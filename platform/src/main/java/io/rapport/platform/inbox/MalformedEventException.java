package io.rapport.platform.inbox;

/** A record that is not a readable CloudEvent; it cannot succeed on retry. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }
}
