package io.rapport.engagement.domain.pressure;

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

    public List<String> reasons() {
        return adjustments.stream().map(Adjustment::text).toList();
    }
}
