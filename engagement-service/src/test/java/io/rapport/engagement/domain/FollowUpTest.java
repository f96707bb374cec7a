package io.rapport.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.engagement.domain.pressure.Adjustment;
import io.rapport.engagement.domain.pressure.ContactRequest;
import io.rapport.engagement.domain.pressure.Placement;
import io.rapport.engagement.domain.pressure.Placement.Outcome;
import io.rapport.engagement.domain.pressure.Rule;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A placement's contact row comes from one mapping ({@link Placement}): a contact planned for a purchase batch gets the
 * same state, reasons, expiry and escalation flag as a contact placed one by one. Before, the batch's copy left out
 * the escalation: an ESCALATED follow-up lost its flag and the 24 hours it stays open.
 */
class FollowUpTest {
    private static final Instant REQUESTED = Instant.parse("2026-05-04T08:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2026-05-04T12:00:00Z");
    private static final Adjustment QUIET = new Adjustment(Rule.QUIET_HOURS, "quiet hours 21:00-08:00");
    private static final Adjustment SLA = new Adjustment(Rule.SERVICE_SLA, "no slot within the SLA");
    private static final Adjustment CONSENT = new Adjustment(Rule.CONSENT, "no consent for SMS");

    @Test
    void anEscalatedFollowUpIsPlannedFlaggedAndStaysOpenADayAfterItsSlot() {
        Instant slot = Instant.parse("2026-05-04T10:00:00Z");
        FollowUp f = followUp(new Placement(Outcome.ESCALATED, slot, List.of(QUIET, SLA)));

        assertThat(f.state()).isEqualTo(ContactState.PLANNED);
        assertThat(f.dueAt()).isEqualTo(slot);
        assertThat(f.escalatedReason()).isEqualTo(SLA.text());
        assertThat(f.expiresAt()).isEqualTo(Instant.parse("2026-05-05T10:00:00Z"));
        assertThat(f.pausedReason()).isNull();
        assertThat(f.outcome()).isNull();
    }

    @Test
    void scheduledPausedBlockedAndExpiredMapAsForASingleContact() {
        FollowUp moved = followUp(new Placement(Outcome.MOVED, EXPIRES.minusSeconds(60), List.of(QUIET)));
        assertThat(moved.state()).isEqualTo(ContactState.PLANNED);
        assertThat(moved.expiresAt()).isEqualTo(EXPIRES);
        assertThat(moved.escalatedReason()).isNull();

        FollowUp paused = followUp(new Placement(
                Outcome.PAUSED, REQUESTED, List.of(new Adjustment(Rule.COMPLAINT_OPEN, "open complaint"))));
        assertThat(paused.state()).isEqualTo(ContactState.PLANNED);
        assertThat(paused.pausedReason()).isEqualTo("COMPLAINT_OPEN: open complaint");
        assertThat(paused.dueAt()).isEqualTo(REQUESTED);

        FollowUp blocked = followUp(new Placement(Outcome.BLOCKED, REQUESTED, List.of(CONSENT, QUIET)));
        assertThat(blocked.state()).isEqualTo(ContactState.CANCELLED);
        assertThat(blocked.outcome()).isEqualTo(CONSENT.text());

        Adjustment expiry = new Adjustment(Rule.EXPIRED, "first slot after expiry");
        FollowUp expired = followUp(new Placement(Outcome.EXPIRED, EXPIRES.plusSeconds(60), List.of(QUIET, expiry)));
        assertThat(expired.state()).isEqualTo(ContactState.EXPIRED);
        assertThat(expired.outcome()).isEqualTo(expiry.text());
        assertThat(expired.expiresAt()).isEqualTo(EXPIRES);
    }

    private static FollowUp followUp(Placement placement) {
        return new FollowUp(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "satisfaction",
                "purchase:1",
                new ContactRequest(Channel.PHONE, Purpose.SATISFACTION_CHECK, REQUESTED, EXPIRES),
                "rep-1",
                BigDecimal.ZERO,
                placement);
    }
}
