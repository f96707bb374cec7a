package io.rapport.engagement.service;

import io.rapport.engagement.domain.Interaction;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** The interaction log. An inbound call may be recorded as a sales opportunity with an estimated value. */
@ApplicationScoped
public class InteractionService {
    private final Profiles profiles;
    private final Clock clock;

    public InteractionService(Profiles profiles, Clock clock) {
        this.profiles = profiles;
        this.clock = clock;
    }

    @Transactional
    public Interaction log(
            UUID customerId,
            String direction,
            String kind,
            Instant occurredAt,
            String outcome,
            String notes,
            boolean opportunity,
            BigDecimal estimatedValue,
            String currency,
            String by) {
        profiles.require(customerId);
        Instant now = clock.instant();
        if (occurredAt != null && occurredAt.isAfter(now)) {
            throw ProblemException.unprocessable(
                    "occurred-in-future", "occurredAt", "an interaction cannot have happened yet");
        }
        if (opportunity && !"INBOUND".equals(direction)) {
            throw ProblemException.unprocessable(
                    "opportunity-not-inbound",
                    "opportunity",
                    "only an inbound interaction is logged as a sales opportunity");
        }
        if (estimatedValue != null && currency == null) {
            throw ProblemException.invalid("currency", "is required with estimatedValue");
        }
        Interaction i = new Interaction();
        i.id = UUID.randomUUID();
        i.customerId = customerId;
        i.direction = direction;
        i.kind = kind;
        i.occurredAt = occurredAt == null ? now : occurredAt;
        i.outcome = outcome;
        i.notes = notes;
        i.opportunity = opportunity;
        i.estimatedValue = estimatedValue;
        i.currency = currency;
        i.recordedBy = by;
        i.persist();
        return i;
    }

    public Page<Interaction> byCustomer(UUID customerId, PageRequest page) {
        profiles.require(customerId);
        page.validate(java.util.Set.of("occurredAt"), "occurredAt,desc");
        var q = Interaction.find("customerId = ?1 order by occurredAt desc, id", customerId);
        return Page.of(q.page(page.page, page.size).list(), page, q.count());
    }
}
