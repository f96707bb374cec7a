package io.rapport.engagement.domain;

import io.rapport.engagement.domain.pressure.Adjustment;
import io.rapport.engagement.domain.pressure.ContactRequest;
import io.rapport.engagement.domain.pressure.Placement;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A contact planned for a purchase, with where the pressure rules placed it; the contact row follows from it the way
 * a contact created one by one does (both through {@link Placement}'s mapping): scheduled at the slot, paused
 * (planned, held), cancelled (blocked), expired, or escalated.
 */
public record FollowUp(
        UUID contactId,
        UUID customerId,
        UUID planId,
        String planName,
        String sourceKey,
        ContactRequest request,
        String assigneeId,
        BigDecimal customerValue,
        Placement placement) {

    public ContactState state() {
        return placement.state();
    }

    /** The slot when scheduled, otherwise the requested instant. */
    public Instant dueAt() {
        return placement.scheduled() ? placement.at() : request.requestedAt();
    }

    /** The requested expiry, or later for an ESCALATED follow-up ({@link Placement#expiresAt}). */
    public Instant expiresAt() {
        return placement.expiresAt(request.expiresAt());
    }

    public String pausedReason() {
        return placement.pausedReason();
    }

    public String escalatedReason() {
        return placement.escalatedReason();
    }

    /** Why a closed contact was closed: the blocking rule, or the expiry (the last adjustment). */
    public String outcome() {
        return placement.closingReason();
    }

    public boolean closed() {
        return state() != ContactState.PLANNED;
    }

    /** Whether it counts against the caps of the customer's later contacts (open and not paused). */
    public boolean counts() {
        return placement.scheduled();
    }

    public List<Adjustment> adjustments() {
        return placement.adjustments();
    }

    public String createdBy() {
        return "plan:" + planName;
    }
}
