package io.rapport.engagement.domain.pressure;

import io.rapport.engagement.domain.ContactState;
import java.time.Instant;
import java.util.List;

/**
 * Where a contact goes. ON_TIME: at the requested instant. MOVED: at the first allowed slot after it (the
 * adjustments say why). PAUSED: held until the customer's open complaints are resolved. BLOCKED: must not be
 * made at all on this channel (consent, do-not-contact). EXPIRED: the first allowed slot is after its expiry. ESCALATED: a complaint follow-up that no slot
 * gets within its SLA, placed at once and flagged ({@link ServiceSla}).
 *
 * @param at the slot for ON_TIME, MOVED and ESCALATED, the first slot found for EXPIRED, the requested instant otherwise
 */
public record Placement(Outcome outcome, Instant at, List<Adjustment> adjustments) {

    public enum Outcome {
        ON_TIME,
        MOVED,
        PAUSED,
        BLOCKED,
        EXPIRED,
        ESCALATED
    }

    public boolean scheduled() {
        return outcome == Outcome.ON_TIME || outcome == Outcome.MOVED || outcome == Outcome.ESCALATED;
    }

    /**
     * The state of the contact row this placement leaves (the one mapping for contacts created one by one, placed
     * again, and planned for a batch of purchases): scheduled or paused contacts stay PLANNED, a blocked one is
     * CANCELLED, an expired one EXPIRED.
     */
    public ContactState state() {
        return switch (outcome) {
            case ON_TIME, MOVED, ESCALATED, PAUSED -> ContactState.PLANNED;
            case BLOCKED -> ContactState.CANCELLED;
            case EXPIRED -> ContactState.EXPIRED;
        };
    }

    /** Why a PAUSED contact is held (the first adjustment); null otherwise. */
    public String pausedReason() {
        return outcome == Outcome.PAUSED ? first() : null;
    }

    /** Why a closed contact was closed: the blocking rule (first adjustment) or the expiry (last); null otherwise. */
    public String closingReason() {
        return switch (outcome) {
            case BLOCKED -> first();
            case EXPIRED -> last();
            default -> null;
        };
    }

    /** Why an ESCALATED contact is flagged (the last adjustment, the SLA's); null otherwise. */
    public String escalatedReason() {
        return outcome == Outcome.ESCALATED ? last() : null;
    }

    /** An ESCALATED contact stays open {@link ServiceSla#ESCALATION_WINDOW} after its slot; others keep their expiry. */
    public Instant expiresAt(Instant expiresAt) {
        if (outcome != Outcome.ESCALATED) {
            return expiresAt;
        }
        Instant open = at.plus(ServiceSla.ESCALATION_WINDOW);
        return open.isAfter(expiresAt) ? open : expiresAt;
    }

    private String first() {
        return adjustments.get(0).text();
    }

    private String last() {
        return adjustments.get(adjustments.size() - 1).text();
    }

    public List<String> reasons() {
        return adjustments.stream().map(Adjustment::text).toList();
    }
}
