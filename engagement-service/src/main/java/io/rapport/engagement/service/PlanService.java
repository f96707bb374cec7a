package io.rapport.engagement.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.ContactPlan;
import io.rapport.engagement.domain.Level;
import io.rapport.engagement.domain.Purpose;
import io.rapport.engagement.domain.TriggerType;
import io.rapport.platform.rest.ETags;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

/** Contact plans per level; changes apply to contacts scheduled from then on. */
@ApplicationScoped
public class PlanService {

    /** The editable fields of a plan. performer: OWNER (queue is the fallback) or QUEUE. */
    public record PlanSpec(
            Level level,
            String name,
            TriggerType trigger,
            int days,
            Channel channel,
            Purpose purpose,
            BigDecimal costPerContact,
            String currency,
            String performer,
            String queue,
            int validityDays,
            boolean active) {}

    /** One page of the plans (of one level, or all), by level (or name) then name and id: a stable order. */
    public Page<ContactPlan> list(Level level, PageRequest page) {
        PageRequest.Sort sort = page.validate(Set.of("level", "name"), "level");
        String direction = sort.descending() ? " desc" : "";
        String order =
                " order by " + sort.field() + direction + ("level".equals(sort.field()) ? ", name" : "") + ", id";
        PanacheQuery<ContactPlan> q = level == null
                ? ContactPlan.find("from ContactPlan" + order)
                : ContactPlan.find("level = ?1" + order, level);
        return Page.of(q.range(page.offset(), page.offset() + page.size - 1).list(), page, q.count());
    }

    public ContactPlan get(UUID id) {
        ContactPlan p = ContactPlan.findById(id);
        if (p == null) {
            throw ProblemException.notFound("contact plan", id);
        }
        return p;
    }

    @Transactional
    public ContactPlan create(PlanSpec spec) {
        ContactPlan p = new ContactPlan();
        p.id = UUID.randomUUID();
        apply(p, spec);
        p.persist();
        return p;
    }

    @Transactional
    public ContactPlan update(UUID id, PlanSpec spec, String ifMatch) {
        ContactPlan p = get(id);
        ETags.check(ifMatch, p.version);
        apply(p, spec);
        return p;
    }

    /** Deactivates the plan: it schedules nothing more; contacts already scheduled stay. */
    @Transactional
    public void deactivate(UUID id) {
        get(id).active = false;
    }

    private static void apply(ContactPlan p, PlanSpec s) {
        if (s.trigger() == TriggerType.EVERY_N_DAYS && s.days() < 1) {
            throw ProblemException.unprocessable("invalid-interval", "days", "a recurring plan needs at least 1 day");
        }
        p.level = s.level();
        p.name = s.name();
        p.triggerType = s.trigger();
        p.days = s.days();
        p.channel = s.channel();
        p.purpose = s.purpose();
        p.costPerContact = s.costPerContact();
        p.currency = s.currency();
        p.performer = s.performer();
        p.queue = s.queue();
        p.validityDays = s.validityDays();
        p.active = s.active();
    }
}
