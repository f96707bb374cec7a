package io.rapport.loyalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A tier of a programme; see {@link TierRule} for the meaning of the figures. */
@Entity
@Table(name = "tier")
public class Tier extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "programme_id")
    public UUID programmeId;

    public String code;
    public String name;
    public int rank;
    public BigDecimal threshold;
    public BigDecimal multiplier;
    /** Comma-separated {@code SCHEME:CLASS} labels, null for none. */
    @Column(name = "segment_classes")
    public String segmentClasses;

    public TierRule rule() {
        return new TierRule(code, rank, threshold, multiplier, labels(segmentClasses));
    }

    public static List<Tier> of(UUID programmeId) {
        return list("programmeId = ?1 order by rank", programmeId);
    }

    public static Set<String> labels(String commaList) {
        if (commaList == null || commaList.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(commaList.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }
}
