package io.rapport.customer.service;

import io.quarkus.panache.common.Sort;
import io.rapport.contracts.customer.CostRecorded;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.customer.domain.Amounts;
import io.rapport.customer.domain.CostEntry;
import io.rapport.customer.domain.Customer;
import io.rapport.customer.domain.InvalidValueException;
import io.rapport.customer.domain.ValueRules;
import io.rapport.customer.model.CostInput;
import io.rapport.customer.model.CostView;
import io.rapport.platform.outbox.Outbox;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Cost-to-serve entries: what serving a customer costs; publishes CostRecorded. */
@ApplicationScoped
public class CostService {
    static final String SCOPE = "cost";
    private static final Set<String> SORTABLE = Set.of("occurredAt", "amount", "type");

    private final Customers customers;
    private final Outbox outbox;
    private final IdempotencyKeys idempotency;
    private final Clock clock;

    public CostService(Customers customers, Outbox outbox, IdempotencyKeys idempotency, Clock clock) {
        this.clock = clock;
        this.customers = customers;
        this.outbox = outbox;
        this.idempotency = idempotency;
    }

    @Transactional
    public CostView record(UUID customerId, CostInput in, String idempotencyKey) {
        String scopedKey = idempotencyKey == null ? null : customerId + ":" + idempotencyKey;
        Optional<UUID> earlier = idempotency.find(SCOPE, scopedKey);
        if (earlier.isPresent()) {
            return view(CostEntry.findById(earlier.get()));
        }
        Customer c = customers.changeable(customerId);
        String currency;
        try {
            currency = ValueRules.currency(in.currency());
        } catch (InvalidValueException e) {
            throw ProblemException.invalid("currency", e.getMessage());
        }
        Instant now = clock.instant();
        Instant at = in.occurredAt() == null ? now : in.occurredAt();
        if (at.isAfter(now.plusSeconds(86_400))) {
            throw ProblemException.unprocessable("cost-in-future", "occurredAt", "must not be in the future");
        }
        CostEntry e = new CostEntry();
        e.id = UUID.randomUUID();
        e.customerId = customerId;
        e.type = in.type();
        e.amount = in.amount();
        e.currency = currency;
        e.occurredAt = at;
        e.note = in.note();
        e.recordedAt = now;
        e.persist();
        customers.activity(c, at, now);
        idempotency.remember(SCOPE, scopedKey, e.id);
        outbox.publish(
                CustomerEvents.COST_RECORDED,
                customerId,
                new CostRecorded(
                        e.id.toString(), customerId.toString(), e.type.name(), Amounts.format(e.amount), currency, at));
        return view(e);
    }

    public Page<CostView> list(UUID customerId, PageRequest page) {
        PageRequest.Sort sort = page.validate(SORTABLE, "occurredAt,desc");
        customers.find(customerId);
        var query = CostEntry.<CostEntry>find(
                "customerId",
                Sort.by(sort.field(), sort.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending)
                        .and("id"),
                customerId);
        long total = query.count();
        List<CostView> items = query.page(page.page, page.size).list().stream()
                .map(CostService::view)
                .toList();
        return Page.of(items, page, total);
    }

    private static CostView view(CostEntry e) {
        return new CostView(
                e.id, e.customerId, e.type, Amounts.format(e.amount), e.currency, e.occurredAt, e.note, e.recordedAt);
    }
}
