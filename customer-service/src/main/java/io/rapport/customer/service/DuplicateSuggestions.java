package io.rapport.customer.service;

import io.rapport.customer.model.CustomerView;
import io.rapport.customer.model.DuplicateSuggestionView;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The review queue of fuzzy duplicate suggestions ({@link DuplicateDetector}): open pairs whose records are both
 * still live, highest score first; "not a duplicate" (dismiss) is remembered for the pair; accepting merges the pair
 * through {@link MergeService}.
 */
@ApplicationScoped
public class DuplicateSuggestions {
    private static final String OLDER_FIRST =
            "case when a.created_at < b.created_at or (a.created_at = b.created_at" + " and a.id < b.id) then ";
    private static final String SELECT = "select s.id, " + OLDER_FIRST + "a.id else b.id end, " + OLDER_FIRST
            + "a.display_name else b.display_name end, " + OLDER_FIRST + "b.id else a.id end, " + OLDER_FIRST
            + "b.display_name else a.display_name end, s.score, s.reasons, s.status, s.created_at"
            + " from duplicate_suggestion s join customer a on a.id = s.customer_a join customer b on b.id = s.customer_b";
    private static final String LIVE = " and a.status in ('ACTIVE', 'DORMANT') and b.status in ('ACTIVE', 'DORMANT')";

    private final EntityManager em;
    private final MergeService merges;
    private final Clock clock;

    public DuplicateSuggestions(EntityManager em, MergeService merges, Clock clock) {
        this.clock = clock;
        this.em = em;
        this.merges = merges;
    }

    @SuppressWarnings("unchecked")
    public Page<DuplicateSuggestionView> open(UUID customerId, PageRequest page) {
        page.validate(Set.of("score"), "score,desc");
        String where = " where s.status = 'OPEN'" + LIVE
                + (customerId == null ? "" : " and ?1 in (s.customer_a, s.customer_b)");
        var count = em.createNativeQuery("select count(*) from duplicate_suggestion s join customer a on"
                + " a.id = s.customer_a join customer b on b.id = s.customer_b" + where);
        var select = em.createNativeQuery(SELECT + where + " order by s.score desc, s.created_at desc, s.id")
                .setFirstResult(page.offset())
                .setMaxResults(page.size);
        if (customerId != null) {
            count.setParameter(1, customerId);
            select.setParameter(1, customerId);
        }
        long total = ((Number) count.getSingleResult()).longValue();
        List<Object[]> rows = select.getResultList();
        return Page.of(rows.stream().map(DuplicateSuggestions::view).toList(), page, total);
    }

    /** "Not a duplicate": the pair is never suggested again. Dismissing a dismissed pair changes nothing. */
    @Transactional
    public DuplicateSuggestionView dismiss(UUID id, String who) {
        DuplicateSuggestionView s = locked(id);
        if ("MERGED".equals(s.status())) {
            throw ProblemException.conflict(
                    "suggestion-merged", "suggestion " + id + " was already accepted (merged)", Map.of());
        }
        if ("OPEN".equals(s.status())) {
            decide(id, "DISMISSED", who);
        }
        return find(id);
    }

    /** Merges the pair (the older record survives unless {@code survivorId} names the other) and closes the suggestion. */
    @Transactional
    public CustomerView accept(UUID id, UUID survivorId, String reason, String who) {
        DuplicateSuggestionView s = locked(id);
        if (!"OPEN".equals(s.status())) {
            throw ProblemException.conflict("suggestion-closed", "suggestion " + id + " is " + s.status(), Map.of());
        }
        UUID survivor = survivorId == null ? s.customerId() : survivorId;
        if (!survivor.equals(s.customerId()) && !survivor.equals(s.candidateId())) {
            throw ProblemException.unprocessable("not-in-pair", "survivorId", "must be one of the suggested pair");
        }
        UUID merged = survivor.equals(s.customerId()) ? s.candidateId() : s.customerId();
        CustomerView result = merges.merge(
                survivor, merged, reason == null || reason.isBlank() ? "duplicate suggestion accepted" : reason, who);
        decide(id, "MERGED", who);
        return result;
    }

    private DuplicateSuggestionView locked(UUID id) {
        if (em.createNativeQuery("select id from duplicate_suggestion where id = ?1 for update")
                .setParameter(1, id)
                .getResultList()
                .isEmpty()) {
            throw ProblemException.notFound("duplicate suggestion", id);
        }
        return find(id);
    }

    private DuplicateSuggestionView find(UUID id) {
        return view((Object[]) em.createNativeQuery(SELECT + " where s.id = ?1")
                .setParameter(1, id)
                .getSingleResult());
    }

    private void decide(UUID id, String status, String who) {
        em.createNativeQuery(
                        "update duplicate_suggestion set status = ?1, decided_by = ?2, decided_at = ?3 where id = ?4")
                .setParameter(1, status)
                .setParameter(2, who)
                .setParameter(3, clock.instant())
                .setParameter(4, id)
                .executeUpdate();
    }

    private static DuplicateSuggestionView view(Object[] r) {
        return new DuplicateSuggestionView(
                uuid(r[0]),
                uuid(r[1]),
                (String) r[2],
                uuid(r[3]),
                (String) r[4],
                ((BigDecimal) r[5]).setScale(4).toPlainString(),
                Arrays.asList(((String) r[6]).split(",")),
                (String) r[7],
                instant(r[8]));
    }

    private static UUID uuid(Object o) {
        return o instanceof UUID u ? u : UUID.fromString(o.toString());
    }

    private static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        return ((Timestamp) o).toInstant();
    }
}
