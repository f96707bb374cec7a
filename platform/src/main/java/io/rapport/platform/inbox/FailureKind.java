package io.rapport.platform.inbox;

/** What a consumer does with a failure to apply an event. */
public enum FailureKind {
    /** May succeed later (database or broker unavailable, lock, deadlock, timeout, anything unknown): retry for as long as it lasts. */
    TRANSIENT,
    /** The data breaks a constraint or a type (SQLState class 22, 23): retried a few times, then dead-lettered. */
    DATA,
    /** Can never succeed (unreadable or schema-invalid payload, an event the domain refuses): dead-lettered at once. */
    POISON
}
