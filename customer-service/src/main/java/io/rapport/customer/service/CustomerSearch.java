package io.rapport.customer.service;

import io.rapport.customer.config.CustomerConfig;
import io.rapport.customer.domain.ContactKind;
import io.rapport.customer.domain.ContactPoint;
import io.rapport.customer.domain.Customer;
import io.rapport.customer.domain.CustomerStatus;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Paged, sorted customer listings: search by criteria and the stale-record list. Ties are broken by id. */
@ApplicationScoped
public class CustomerSearch {
    /** Shortest part of a name, e-mail or phone number a "contains" search accepts. */
    public static final int MIN_CONTAINS = 3;

    public static final Set<String> SORTABLE =
            Set.of("displayName", "createdAt", "lastActivityAt", "lastVerifiedAt", "status", "kind");

    private final EntityManager em;
    private final CustomerConfig config;
    private final Clock clock;

    public CustomerSearch(EntityManager em, CustomerConfig config, Clock clock) {
        this.clock = clock;
        this.em = em;
        this.config = config;
    }

    public Page<CustomerSummary> search(CustomerQuery q, PageRequest page) {
        PageRequest.Sort sort = page.validate(SORTABLE, "createdAt,desc");
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        // "contains" matches: lower(display_name) and the normalised contact values have trigram indexes (V2, V50),
        // which
        // serve like '%part%' only for parts of MIN_CONTAINS characters or more; shorter parts would read every row
        if (q.name() != null && !q.name().isBlank()) {
            where.append(" and lower(c.displayName) like :name");
            params.put("name", "%" + like(containsPart("name", q.name().trim())) + "%");
        }
        if (q.email() != null && !q.email().isBlank()) {
            where.append(" and exists (select 1 from ContactPoint p where p.customerId = c.id and p.kind = :emailKind"
                    + " and p.value like :email)");
            params.put("emailKind", ContactKind.EMAIL);
            params.put("email", "%" + like(containsPart("email", q.email().trim())) + "%");
        }
        if (q.phone() != null && !q.phone().isBlank()) {
            where.append(" and exists (select 1 from ContactPoint p where p.customerId = c.id and p.kind = :phoneKind"
                    + " and p.value like :phone)");
            params.put("phoneKind", ContactKind.PHONE);
            params.put("phone", "%" + containsPart("phone", q.phone().replaceAll("[^0-9]", "")) + "%");
        }
        if (q.q() != null && !q.q().isBlank()) {
            String part = like(containsPart("q", q.q().trim()));
            where.append(
                    " and (lower(c.displayName) like :q or exists (select 1 from ContactPoint p where p.customerId = c.id"
                            + " and p.kind = :qEmailKind and p.value like :q)");
            params.put("q", "%" + part + "%");
            params.put("qEmailKind", ContactKind.EMAIL);
            String digits = q.q().replaceAll("[^0-9]", "");
            if (q.q().trim().matches("[+0-9 ()./-]+") && digits.length() >= MIN_CONTAINS) {
                where.append(
                        " or exists (select 1 from ContactPoint p where p.customerId = c.id and p.kind = :qPhoneKind"
                                + " and p.value like :qPhone)");
                params.put("qPhoneKind", ContactKind.PHONE);
                params.put("qPhone", "%" + digits + "%");
            }
            where.append(")");
        }
        if (q.kind() != null) {
            where.append(" and c.kind = :kind");
            params.put("kind", q.kind());
        }
        if (q.tag() != null && !q.tag().isBlank()) {
            where.append(" and :tag member of c.tags");
            params.put("tag", q.tag().trim());
        }
        if (q.owner() != null && !q.owner().isBlank()) {
            where.append(" and c.ownerId = :owner");
            params.put("owner", q.owner().trim());
        }
        if (q.status() != null) {
            where.append(" and c.status = :status");
            params.put("status", q.status());
        } else {
            where.append(" and c.status not in :hidden");
            params.put("hidden", List.of(CustomerStatus.MERGED, CustomerStatus.ERASED));
        }
        range(where, params, "createdAt", q.createdFrom(), q.createdTo());
        range(where, params, "lastActivityAt", q.activeFrom(), q.activeTo());
        return page(where.toString(), params, sort, page);
    }

    /** ACTIVE and DORMANT customers not verified (or, never verified, not created) within the stale period. */
    public Page<CustomerSummary> stale(PageRequest page) {
        PageRequest.Sort sort = page.validate(SORTABLE, "lastVerifiedAt,asc");
        Instant cutoff = clock.instant()
                .atZone(java.time.ZoneOffset.UTC)
                .minus(config.staleAfter())
                .toInstant();
        Map<String, Object> params = new HashMap<>();
        params.put("live", List.of(CustomerStatus.ACTIVE, CustomerStatus.DORMANT));
        params.put("cutoff", cutoff.truncatedTo(ChronoUnit.MICROS));
        return page(
                " where c.status in :live and coalesce(c.lastVerifiedAt, c.createdAt) < :cutoff", params, sort, page);
    }

    private Page<CustomerSummary> page(
            String where, Map<String, Object> params, PageRequest.Sort sort, PageRequest page) {
        TypedQuery<Long> count = em.createQuery("select count(c) from Customer c" + where, Long.class);
        TypedQuery<Customer> select = em.createQuery(
                "select c from Customer c" + where + " order by c." + sort.field() + " " + sort.direction()
                        + " nulls last, c.id",
                Customer.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            select.setParameter(k, v);
        });
        List<Customer> found =
                select.setFirstResult(page.offset()).setMaxResults(page.size).getResultList();
        return Page.of(summaries(found), page, count.getSingleResult());
    }

    private static List<CustomerSummary> summaries(List<Customer> customers) {
        if (customers.isEmpty()) {
            return List.of();
        }
        Map<UUID, Map<ContactKind, String>> primaries = new HashMap<>();
        ContactPoint.<ContactPoint>list(
                        "customerId in ?1 and primary = true",
                        customers.stream().map(c -> c.id).toList())
                .forEach(p -> primaries
                        .computeIfAbsent(p.customerId, k -> new HashMap<>())
                        .put(p.kind, p.value));
        List<CustomerSummary> out = new ArrayList<>();
        for (Customer c : customers) {
            Map<ContactKind, String> p = primaries.getOrDefault(c.id, Map.of());
            out.add(new CustomerSummary(
                    c.id,
                    c.kind,
                    c.status,
                    c.displayName,
                    p.get(ContactKind.EMAIL),
                    p.get(ContactKind.PHONE),
                    c.ownerId,
                    new ArrayList<>(c.tags),
                    c.createdAt,
                    c.lastActivityAt,
                    c.lastVerifiedAt));
        }
        return out;
    }

    private static void range(StringBuilder where, Map<String, Object> params, String field, Instant from, Instant to) {
        if (from != null) {
            where.append(" and c.").append(field).append(" >= :").append(field).append("From");
            params.put(field + "From", from);
        }
        if (to != null) {
            where.append(" and c.").append(field).append(" < :").append(field).append("To");
            params.put(field + "To", to);
        }
    }

    /** The part a "contains" filter looks for, refused (400) when shorter than {@value #MIN_CONTAINS} characters. */
    static String containsPart(String field, String part) {
        if (part.codePointCount(0, part.length()) < MIN_CONTAINS) {
            throw ProblemException.invalid(
                    field,
                    "give at least " + MIN_CONTAINS + ("phone".equals(field) ? " digits" : " characters")
                            + " to search by part of it (shorter parts cannot use the search index)");
        }
        return part;
    }

    private static String like(String s) {
        return s.trim()
                .toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
    }
}
