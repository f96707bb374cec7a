package io.rapport.loyalty.tier;

import io.agroal.api.AgroalDataSource;
import io.rapport.loyalty.domain.Member;
import io.rapport.loyalty.domain.Programme;
import io.rapport.loyalty.domain.TierPolicy;
import io.rapport.loyalty.domain.TierWindow;
import io.rapport.loyalty.service.RulesCache;
import io.rapport.loyalty.service.TierEngine;
import io.rapport.loyalty.tier.TierReview.Outcome;
import io.rapport.loyalty.tier.TierReview.Standing;
import io.rapport.loyalty.tier.TierReview.Terms;
import io.rapport.loyalty.tier.TierStore.FigureQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Tier evaluation outside earning (earning upgrades in its own run, see {@code earning/EarnBatch}), one pipeline for a
 * batch of locked members: load the qualifying figures of all their windows in one query and their segment classes in
 * one ({@link TierStore}), decide in the pure {@link TierReview}, store the tier changes with their history lines and
 * events. The end-of-period job hands in the members it claimed; a segment change hands in the customer's memberships.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TierPipeline {
    private final AgroalDataSource dataSource;
    private final EntityManager em;
    private final RulesCache rules;
    private final TierStore store;
    private final TierEngine tiers;

    public TierPipeline(
            AgroalDataSource dataSource, EntityManager em, RulesCache rules, TierStore store, TierEngine tiers) {
        this.dataSource = dataSource;
        this.em = em;
        this.rules = rules;
        this.store = store;
        this.tiers = tiers;
    }

    /** Mid-period re-evaluation at {@code at}: upgrades only (a downgrade waits for the end of the period). */
    public void reevaluate(List<Member> members, Instant at) {
        List<Member> climbing = new ArrayList<>();
        List<FigureQuery> queries = new ArrayList<>();
        for (Member m : members) {
            Terms t = terms(m.programmeId);
            if (TierReview.needsFigure(t, standing(m))) {
                climbing.add(m);
                queries.add(new FigureQuery(
                        m.id, TierWindow.ending(at, t.qualificationMonths()), spendBased(m.programmeId)));
            }
        }
        Loaded loaded = load(climbing, queries);
        for (int i = 0; i < climbing.size(); i++) {
            Member m = climbing.get(i);
            TierReview.midPeriod(
                            terms(m.programmeId), standing(m), loaded.figures().get(i), loaded.classesOf(m), at)
                    .ifPresent(c -> tiers.change(m, c.to(), c.direction(), c.reason(), c.at()));
        }
    }

    /**
     * End of period for members whose period ended at or before {@code now}: evaluated at each period end that has passed
     * (the only moments a downgrade may happen), then moved into the period that contains now.
     */
    public void endOfPeriod(List<Member> members, Instant now) {
        List<FigureQuery> queries = new ArrayList<>();
        List<List<Instant>> ends = new ArrayList<>();
        for (Member m : members) {
            Terms t = terms(m.programmeId);
            List<Instant> due = TierReview.dueEnds(m.periodEnd, t.qualificationMonths(), now);
            ends.add(due);
            for (Instant end : due) {
                queries.add(new FigureQuery(
                        m.id, TierWindow.ending(end, t.qualificationMonths()), spendBased(m.programmeId)));
            }
        }
        Loaded loaded = load(members, queries);
        int next = 0;
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            List<Instant> due = ends.get(i);
            List<BigDecimal> figures = loaded.figures().subList(next, next + due.size());
            next += due.size();
            Outcome o = TierReview.endOfPeriods(
                    terms(m.programmeId), standing(m), due, figures, loaded.classesOf(m), m.periodStart, m.periodEnd);
            o.changes().forEach(c -> tiers.change(m, c.to(), c.direction(), c.reason(), c.at()));
            m.periodStart = o.periodStart();
            m.periodEnd = o.periodEnd();
        }
    }

    private Loaded load(List<Member> members, List<FigureQuery> queries) {
        if (queries.isEmpty()) {
            return new Loaded(List.of(), Map.of());
        }
        em.flush();
        List<UUID> segmentCustomers = members.stream()
                .filter(m -> m.customerId != null && terms(m.programmeId).segmentTiers())
                .map(m -> m.customerId)
                .distinct()
                .toList();
        try (Connection c = dataSource.getConnection()) {
            return new Loaded(
                    store.figures(c, queries),
                    segmentCustomers.isEmpty() ? Map.of() : store.classes(c, segmentCustomers));
        } catch (SQLException e) {
            throw new IllegalStateException("loading tier figures failed: " + e.getMessage(), e);
        }
    }

    private record Loaded(List<BigDecimal> figures, Map<UUID, Set<String>> classes) {
        Set<String> classesOf(Member m) {
            return m.customerId == null ? Set.of() : classes.getOrDefault(m.customerId, Set.of());
        }
    }

    private Terms terms(UUID programmeId) {
        RulesCache.Rules r = rules.of(programmeId);
        Programme p = r.programme();
        return new Terms(
                r.tiers(), TierPolicy.unit(p.spendBased(), p.currency), p.qualificationMonths, r.segmentTiers());
    }

    private boolean spendBased(UUID programmeId) {
        return rules.of(programmeId).programme().spendBased();
    }

    private static Standing standing(Member m) {
        return new Standing(m.tierCode, m.tierRank);
    }
}
