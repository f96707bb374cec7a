package io.rapport.customer.service;

import io.rapport.customer.domain.Customer;
import io.rapport.customer.domain.Preference;
import io.rapport.customer.domain.PreferenceChange;
import io.rapport.customer.domain.Touchpoint;
import io.rapport.customer.model.CustomerView;
import io.rapport.customer.model.PreferenceChangeView;
import io.rapport.customer.model.PreferenceHit;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Remembered preferences: one value per (category, key), e.g. room.pillow = long, with who set it and when.
 * Category and key are lower-case words ({@code [a-z0-9_-]}, up to 50). Changes publish CustomerUpdated, and each
 * change (SET with the value before, or REMOVED) is kept in the preference history with its touchpoint, actor and time.
 */
@ApplicationScoped
public class PreferenceService {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,50}");
    private static final Set<String> SORTABLE = Set.of("setAt", "category", "key", "value");

    private final Customers customers;
    private final CustomerProfiles profiles;
    private final CustomerEventsPublisher events;
    private final EntityManager em;
    private final Clock clock;

    public PreferenceService(
            Customers customers,
            CustomerProfiles profiles,
            CustomerEventsPublisher events,
            EntityManager em,
            Clock clock) {
        this.clock = clock;
        this.customers = customers;
        this.profiles = profiles;
        this.events = events;
        this.em = em;
    }

    @Transactional
    public CustomerView.PreferenceView set(
            UUID id, String category, String key, String value, Touchpoint touchpoint, String who) {
        check("category", category);
        check("key", key);
        Customer c = customers.changeable(id);
        CustomerView before = profiles.view(c);
        Instant now = clock.instant();
        Preference p = Preference.<Preference>find("customerId = ?1 and category = ?2 and key = ?3", id, category, key)
                .firstResultOptional()
                .orElseGet(() -> {
                    Preference n = new Preference();
                    n.id = UUID.randomUUID();
                    n.customerId = id;
                    n.category = category;
                    n.key = key;
                    return n;
                });
        String old = p.value;
        p.value = value.trim();
        p.setBy = who;
        p.setAt = now;
        p.touchpoint = touchpoint;
        p.persist();
        PreferenceChange.of(id, category, key, PreferenceChange.Kind.SET, old, p.value, touchpoint, who, now)
                .persist();
        c.touch(now);
        events.updated(c, before, "preference");
        return CustomerProfiles.preference(p);
    }

    @Transactional
    public void remove(UUID id, String category, String key, Touchpoint touchpoint, String who) {
        Customer c = customers.changeable(id);
        CustomerView before = profiles.view(c);
        Preference p = Preference.<Preference>find("customerId = ?1 and category = ?2 and key = ?3", id, category, key)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("preference", category + "." + key));
        Instant now = clock.instant();
        PreferenceChange.of(id, category, key, PreferenceChange.Kind.REMOVED, p.value, null, touchpoint, who, now)
                .persist();
        p.delete();
        c.touch(now);
        events.updated(c, before, "preference");
    }

    /** Every change of the customer's preferences, newest first. */
    public Page<PreferenceChangeView> history(UUID id, PageRequest page) {
        page.validate(Set.of("changedAt"), "changedAt,desc");
        customers.find(id);
        long total = PreferenceChange.count("customerId", id);
        List<PreferenceChangeView> items = em
                .createQuery(
                        "from PreferenceChange where customerId = ?1" + " order by changedAt desc, seq desc",
                        PreferenceChange.class)
                .setParameter(1, id)
                .setFirstResult(page.offset())
                .setMaxResults(page.size)
                .getResultList()
                .stream()
                .map(PreferenceChangeView::of)
                .toList();
        return Page.of(items, page, total);
    }

    public List<CustomerView.PreferenceView> of(UUID id) {
        customers.find(id);
        return Preference.ofCustomer(id).stream()
                .map(CustomerProfiles::preference)
                .toList();
    }

    /** Preferences matching every given criterion; {@code value} matches part of the value, case-insensitively. */
    public Page<PreferenceHit> search(String category, String key, String value, PageRequest page) {
        PageRequest.Sort sort = page.validate(SORTABLE, "setAt,desc");
        StringBuilder where = new StringBuilder(" from Preference p, Customer c where c.id = p.customerId");
        Map<String, Object> params = new HashMap<>();
        if (category != null && !category.isBlank()) {
            where.append(" and p.category = :category");
            params.put("category", category.trim());
        }
        if (key != null && !key.isBlank()) {
            where.append(" and p.key = :key");
            params.put("key", key.trim());
        }
        if (value != null && !value.isBlank()) {
            where.append(" and lower(p.value) like :value");
            params.put("value", "%" + value.trim().toLowerCase(java.util.Locale.ROOT) + "%");
        }
        TypedQuery<Long> count = em.createQuery("select count(p)" + where, Long.class);
        TypedQuery<PreferenceHit> select = em.createQuery(
                "select new io.rapport.customer.model.PreferenceHit(c.id, c.displayName,"
                        + " p.category, p.key, p.value, p.setBy, p.setAt)" + where + " order by p." + sort.field() + " "
                        + sort.direction() + ", p.id",
                PreferenceHit.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            select.setParameter(k, v);
        });
        return Page.of(
                select.setFirstResult(page.offset()).setMaxResults(page.size).getResultList(),
                page,
                count.getSingleResult());
    }

    private static void check(String field, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ProblemException.invalid(field, "must be 1 to 50 of a-z, 0-9, _ and -");
        }
    }
}
