package io.rapport.loyalty.service;

import io.rapport.loyalty.config.LoyaltyConfig;
import io.rapport.loyalty.domain.Benefit;
import io.rapport.loyalty.domain.BenefitRule;
import io.rapport.loyalty.domain.BonusRule;
import io.rapport.loyalty.domain.EarnCalculator;
import io.rapport.loyalty.domain.Programme;
import io.rapport.loyalty.domain.Tier;
import io.rapport.loyalty.domain.TierRule;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A programme's rules (earn rate, tiers, bonuses, benefits) as immutable values, kept for
 * {@code rapport.loyalty.rules-cache-ttl} so that earning and quoting do not read them for every event or
 * request. A change through this replica is visible at once (the entry is dropped); through another replica
 * after at most the TTL.
 */
@ApplicationScoped
public class RulesCache {
    private final Map<UUID, Rules> cache = new ConcurrentHashMap<>();
    private final long ttlNanos;

    public RulesCache(LoyaltyConfig config) {
        this.ttlNanos = config.rulesCacheTtl().toNanos();
    }

    /**
     * @param programme a detached copy: read it, never change it
     */
    public record Rules(
            Programme programme,
            List<TierRule> tiers,
            List<EarnCalculator.Bonus> bonuses,
            List<BenefitRule> benefits,
            boolean segmentTiers,
            long loadedAt,
            java.util.Map<Integer, String> tierNames) {
        /** The name staff gave the tier of this rank (its rank as text when there is none). */
        public String tierName(int rank) {
            return tierNames.getOrDefault(rank, "of rank " + rank);
        }

        public TierRule tier(String code) {
            return tiers.stream()
                    .filter(t -> t.code().equals(code))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("programme " + programme.id + " has no tier " + code));
        }
    }

    /** The rules of an existing programme (404 problem when it does not exist). */
    public Rules of(UUID programmeId) {
        Rules r = cache.get(programmeId);
        if (r == null || System.nanoTime() - r.loadedAt() > ttlNanos) {
            r = load(programmeId);
            cache.put(programmeId, r);
        }
        return r;
    }

    public void invalidate(UUID programmeId) {
        cache.remove(programmeId);
    }

    private static Rules load(UUID programmeId) {
        Programme p = ProgrammeService.require(programmeId).copy();
        List<Tier> tierRows = Tier.of(programmeId);
        List<TierRule> tiers = tierRows.stream().map(Tier::rule).toList();
        java.util.Map<Integer, String> tierNames = new java.util.HashMap<>();
        tierRows.forEach(t -> tierNames.put(t.rank, t.name == null || t.name.isBlank() ? t.code : t.name));
        List<EarnCalculator.Bonus> bonuses = BonusRule.<BonusRule>list("programmeId", programmeId).stream()
                .map(BonusRule::bonus)
                .toList();
        List<BenefitRule> benefits = Benefit.<Benefit>list("programmeId", programmeId).stream()
                .map(Benefit::rule)
                .sorted(Comparator.comparing(BenefitRule::id))
                .toList();
        boolean segmentTiers = tiers.stream().anyMatch(t -> !t.segmentClasses().isEmpty());
        return new Rules(p, tiers, bonuses, benefits, segmentTiers, System.nanoTime(), java.util.Map.copyOf(tierNames));
    }
}
