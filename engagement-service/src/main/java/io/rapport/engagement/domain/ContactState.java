package io.rapport.engagement.domain;

/**
 * PLANNED (waiting for its slot) -> DUE (slot reached, on a rep's agenda) -> DONE or MISSED; PLANNED or DUE
 * may become CANCELLED (by hand, withdrawn consent, do-not-contact, erasure) or EXPIRED (not made in time).
 */
public enum ContactState {
    PLANNED,
    DUE,
    DONE,
    MISSED,
    CANCELLED,
    EXPIRED;

    public boolean open() {
        return this == PLANNED || this == DUE;
    }
}
