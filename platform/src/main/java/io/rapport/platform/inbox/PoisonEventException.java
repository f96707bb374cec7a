package io.rapport.platform.inbox;

/**
 * Thrown by a handler for an event the domain can never apply (it contradicts the domain's rules, not its current
 * state). The inbox sends it to the dead letters at once instead of retrying it.
 */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
